"""The root of every exception that qiskit-models raises on purpose."""

from __future__ import annotations

__all__ = ["QiskitModelsError"]


class QiskitModelsError(Exception):
    """Base class of every error raised by qiskit-models.

    Catch this to handle any problem reported by the package, whether it is a
    payload that does not validate (:class:`~qiskit_models.validation.ModelValidationError`)
    or a helper that cannot answer (:class:`~qiskit_models.providers.exceptions.BackendPropertyError`).
    """
