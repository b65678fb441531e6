"""Errors raised by the provider models' helper methods."""

from __future__ import annotations

from qiskit_models.exceptions import QiskitModelsError

__all__ = ["BackendConfigurationError", "BackendPropertyError"]


class BackendPropertyError(QiskitModelsError):
    """A ``BackendProperties`` helper cannot find or understand a property."""


class BackendConfigurationError(QiskitModelsError):
    """A ``BackendConfiguration`` helper was given an invalid channel or qubit."""
