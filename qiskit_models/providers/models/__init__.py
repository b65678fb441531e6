"""Provider models: job and backend status, properties, configuration, pulse defaults.

One module per payload family, as in ``qiskit.providers.models``; every model
and schema is also importable from here.
"""

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
