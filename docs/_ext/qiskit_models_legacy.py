"""The legacy modules and their public names, and where each is in qiskit-models now.

Used by the import table of the migration guide (``.. qiskit-models-legacy-imports::``)
and by the tests.  Imports no Sphinx.
"""

from __future__ import annotations

from typing import Dict, List, Tuple

__all__ = ["LEGACY_NAMES", "legacy_import_rows"]

#: The public names of the legacy modules (legacy-behaviour reference, section 1).
LEGACY_NAMES: Dict[str, Tuple[str, ...]] = {
    "qiskit.validation": ("BaseModel", "BaseSchema", "bind_schema", "ModelTypeValidator", "ModelValidationError"),
    "qiskit.validation.base": ("ModelTypeValidator", "BaseSchema", "bind_schema", "BaseModel", "ObjSchema", "Obj"),
    "qiskit.validation.exceptions": ("ModelValidationError",),
    "qiskit.validation.fields": (
        "String", "Date", "DateTime", "Email", "Url", "Number", "Integer", "Float", "Boolean", "Raw",
        "ByAttribute", "ByType", "TryFrom", "Nested", "List", "Dict", "NumpyArray", "Complex",
        "InstructionParameter", "DictParameters", "ModelTypeValidator",
    ),
    "qiskit.validation.fields.containers": ("Nested", "List", "Dict", "NumpyArray"),
    "qiskit.validation.fields.custom": ("Complex", "InstructionParameter", "DictParameters"),
    "qiskit.validation.fields.polymorphic": ("BasePolyField", "TryFrom", "ByAttribute", "ByType"),
    "qiskit.validation.validate": ("Or", "PatternProperties"),
    "qiskit.validation.jsonschema": ("SchemaValidationError", "validate_json_against_schema"),
    "qiskit.providers.models": (
        "BackendConfiguration", "PulseBackendConfiguration", "QasmBackendConfiguration", "UchannelLO",
        "GateConfig", "BackendProperties", "BackendStatus", "JobStatus", "PulseDefaults", "Command",
    ),
    "qiskit.providers.models.backendconfiguration": (
        "GateConfigSchema", "UchannelLOSchema", "PulseHamiltonianSchema", "BackendConfigurationSchema",
        "QasmBackendConfigurationSchema", "PulseBackendConfigurationSchema", "GateConfig", "UchannelLO",
        "BackendConfiguration", "QasmBackendConfiguration", "PulseBackendConfiguration",
    ),
    "qiskit.providers.models.backendproperties": (
        "NduvSchema", "GateSchema", "BackendPropertiesSchema", "Nduv", "Gate", "BackendProperties",
    ),
    "qiskit.providers.models.backendstatus": ("BackendStatusSchema", "BackendStatus"),
    "qiskit.providers.models.jobstatus": ("JobStatusSchema", "JobStatus"),
    "qiskit.providers.models.pulsedefaults": (
        "MeasurementKernelSchema", "DiscriminatorSchema", "CommandSchema", "PulseDefaultsSchema",
        "MeasurementKernel", "Discriminator", "Command", "PulseDefaults",
    ),
}  # fmt: skip


def legacy_import_rows() -> List[Tuple[str, str, List[str]]]:
    """Return ``(legacy module, new module or "", legacy names it lacks)`` for every legacy module."""
    from qiskit_models.migrate import _has_name, _module_exists, _target

    rows = []
    for module, names in LEGACY_NAMES.items():
        target = _target(module)
        if module.startswith("qiskit.validation.jsonschema") or not _module_exists(target):
            rows.append((module, "", list(names)))
            continue
        rows.append((module, target, [name for name in names if not _has_name(target, name)]))
    return rows
