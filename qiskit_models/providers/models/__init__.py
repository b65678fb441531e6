"""Provider models: job and backend status, properties, configuration, pulse defaults.

One module per payload family, as in ``qiskit.providers.models``; every model
and schema is also importable from here.

Each family module is imported on first use of one of its names, so that
``import qiskit_models`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qiskit_models._lazy import lazy_dir, lazy_getattr

if TYPE_CHECKING:  # pragma: no cover - the lazy names, for type checkers and editors
    from qiskit_models.providers.models.backendconfiguration import (
        BackendConfiguration,
        BackendConfigurationSchema,
        GateConfig,
        GateConfigSchema,
        PulseBackendConfiguration,
        PulseBackendConfigurationSchema,
        PulseHamiltonianSchema,
        QasmBackendConfiguration,
        QasmBackendConfigurationSchema,
        UchannelLO,
        UchannelLOSchema,
    )
    from qiskit_models.providers.models.backendproperties import (
        BackendProperties,
        BackendPropertiesSchema,
        Gate,
        GateSchema,
        Nduv,
        NduvSchema,
    )
    from qiskit_models.providers.models.backendstatus import BackendStatus, BackendStatusSchema
    from qiskit_models.providers.models.jobstatus import JOB_STATES, JobStatus, JobStatusSchema
    from qiskit_models.providers.models.pulsedefaults import (
        Command,
        CommandSchema,
        Discriminator,
        DiscriminatorSchema,
        MeasurementKernel,
        MeasurementKernelSchema,
        PulseDefaults,
        PulseDefaultsSchema,
        PulseLibraryItem,
        PulseLibraryItemSchema,
        PulseQobjInstruction,
        PulseQobjInstructionSchema,
    )

#: Where each public name lives.
_LOCATIONS = {
    "BackendConfiguration": "qiskit_models.providers.models.backendconfiguration",
    "BackendConfigurationSchema": "qiskit_models.providers.models.backendconfiguration",
    "BackendProperties": "qiskit_models.providers.models.backendproperties",
    "BackendPropertiesSchema": "qiskit_models.providers.models.backendproperties",
    "BackendStatus": "qiskit_models.providers.models.backendstatus",
    "BackendStatusSchema": "qiskit_models.providers.models.backendstatus",
    "Command": "qiskit_models.providers.models.pulsedefaults",
    "CommandSchema": "qiskit_models.providers.models.pulsedefaults",
    "Discriminator": "qiskit_models.providers.models.pulsedefaults",
    "DiscriminatorSchema": "qiskit_models.providers.models.pulsedefaults",
    "Gate": "qiskit_models.providers.models.backendproperties",
    "GateConfig": "qiskit_models.providers.models.backendconfiguration",
    "GateConfigSchema": "qiskit_models.providers.models.backendconfiguration",
    "GateSchema": "qiskit_models.providers.models.backendproperties",
    "JOB_STATES": "qiskit_models.providers.models.jobstatus",
    "JobStatus": "qiskit_models.providers.models.jobstatus",
    "JobStatusSchema": "qiskit_models.providers.models.jobstatus",
    "MeasurementKernel": "qiskit_models.providers.models.pulsedefaults",
    "MeasurementKernelSchema": "qiskit_models.providers.models.pulsedefaults",
    "Nduv": "qiskit_models.providers.models.backendproperties",
    "NduvSchema": "qiskit_models.providers.models.backendproperties",
    "PulseBackendConfiguration": "qiskit_models.providers.models.backendconfiguration",
    "PulseBackendConfigurationSchema": "qiskit_models.providers.models.backendconfiguration",
    "PulseDefaults": "qiskit_models.providers.models.pulsedefaults",
    "PulseDefaultsSchema": "qiskit_models.providers.models.pulsedefaults",
    "PulseHamiltonianSchema": "qiskit_models.providers.models.backendconfiguration",
    "PulseLibraryItem": "qiskit_models.providers.models.pulsedefaults",
    "PulseLibraryItemSchema": "qiskit_models.providers.models.pulsedefaults",
    "PulseQobjInstruction": "qiskit_models.providers.models.pulsedefaults",
    "PulseQobjInstructionSchema": "qiskit_models.providers.models.pulsedefaults",
    "QasmBackendConfiguration": "qiskit_models.providers.models.backendconfiguration",
    "QasmBackendConfigurationSchema": "qiskit_models.providers.models.backendconfiguration",
    "UchannelLO": "qiskit_models.providers.models.backendconfiguration",
    "UchannelLOSchema": "qiskit_models.providers.models.backendconfiguration",
}

__all__ = [
    "BackendConfiguration",
    "BackendConfigurationSchema",
    "BackendProperties",
    "BackendPropertiesSchema",
    "BackendStatus",
    "BackendStatusSchema",
    "Command",
    "CommandSchema",
    "Discriminator",
    "DiscriminatorSchema",
    "Gate",
    "GateConfig",
    "GateConfigSchema",
    "GateSchema",
    "JOB_STATES",
    "JobStatus",
    "JobStatusSchema",
    "MeasurementKernel",
    "MeasurementKernelSchema",
    "Nduv",
    "NduvSchema",
    "PulseBackendConfiguration",
    "PulseBackendConfigurationSchema",
    "PulseDefaults",
    "PulseDefaultsSchema",
    "PulseHamiltonianSchema",
    "PulseLibraryItem",
    "PulseLibraryItemSchema",
    "PulseQobjInstruction",
    "PulseQobjInstructionSchema",
    "QasmBackendConfiguration",
    "QasmBackendConfigurationSchema",
    "UchannelLO",
    "UchannelLOSchema",
]


# Defined for the interpreter only: type checkers see the names imported above,
# and a module ``__getattr__`` would make every unknown name ``Any`` for them.
if not TYPE_CHECKING:
    __getattr__ = lazy_getattr(__name__, _LOCATIONS, globals())

__dir__ = lazy_dir(globals(), __all__)
