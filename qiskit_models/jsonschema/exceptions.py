"""Errors of the JSON Schema export."""

from __future__ import annotations

from qiskit_models.exceptions import QiskitModelsError

__all__ = ["ExtraNotInstalledError", "INSTALL_HINT", "JSONSchemaExportError"]

#: How to install what the JSON Schema export needs.
INSTALL_HINT = "pip install 'qiskit-models[jsonschema]'"


class JSONSchemaExportError(QiskitModelsError):
    """A model cannot be exported (it is not a bound model, for example)."""


class ExtraNotInstalledError(JSONSchemaExportError, ImportError):
    """The optional dependency of the JSON Schema export (apispec) is not installed.

    Install it with ``pip install 'qiskit-models[jsonschema]'``.
    """
