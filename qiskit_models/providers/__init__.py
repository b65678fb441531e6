"""Provider models: the replacement of ``qiskit.providers.models``."""

from qiskit_models.providers import exceptions, models

__all__ = ["exceptions", "models"]
