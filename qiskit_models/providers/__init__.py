"""Provider models: the replacement of ``qiskit.providers.models``."""

from qiskit_models.providers import channels, exceptions, models

__all__ = ["channels", "exceptions", "models"]
