"""qiskit-models: Qiskit's marshmallow model layer for provider plugins, kept alive.

The legacy names are here under new module paths
(``qiskit.validation`` -> :mod:`qiskit_models.validation`,
``qiskit.providers.models`` -> :mod:`qiskit_models.providers.models`)
and re-exported from this package.
"""

from qiskit_models.exceptions import QiskitModelsError
from qiskit_models.providers.channels import AcquireChannel, ControlChannel, DriveChannel, MeasureChannel
from qiskit_models.providers.exceptions import BackendConfigurationError, BackendPropertyError
from qiskit_models.providers.models import (
    JOB_STATES,
    BackendConfiguration,
    BackendProperties,
    BackendStatus,
    Command,
    Discriminator,
    Gate,
    GateConfig,
    JobStatus,
    MeasurementKernel,
    Nduv,
    PulseBackendConfiguration,
    PulseDefaults,
    PulseLibraryItem,
    PulseQobjInstruction,
    QasmBackendConfiguration,
    UchannelLO,
)
from qiskit_models.validation import (
    BaseModel,
    BaseSchema,
    ModelTypeValidator,
    ModelValidationError,
    Obj,
    ObjSchema,
    bind_schema,
)

__version__ = "0.1.0"

__all__ = [
    "AcquireChannel",
    "BackendConfiguration",
    "BackendConfigurationError",
    "BackendProperties",
    "BackendPropertyError",
    "BackendStatus",
    "BaseModel",
    "BaseSchema",
    "Command",
    "ControlChannel",
    "Discriminator",
    "DriveChannel",
    "Gate",
    "GateConfig",
    "JOB_STATES",
    "JobStatus",
    "MeasureChannel",
    "MeasurementKernel",
    "ModelTypeValidator",
    "ModelValidationError",
    "Nduv",
    "Obj",
    "ObjSchema",
    "PulseBackendConfiguration",
    "PulseDefaults",
    "PulseLibraryItem",
    "PulseQobjInstruction",
    "QasmBackendConfiguration",
    "QiskitModelsError",
    "UchannelLO",
    "__version__",
    "bind_schema",
]
