"""qiskit-models: Qiskit's marshmallow model layer for provider plugins, kept alive.

The legacy names are here under new module paths
(``qiskit.validation`` -> :mod:`qiskit_models.validation`,
``qiskit.providers.models`` -> :mod:`qiskit_models.providers.models`)
and re-exported from this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qiskit_models._lazy import lazy_dir, lazy_getattr
from qiskit_models.exceptions import QiskitModelsError
from qiskit_models.validation import (
    BaseModel,
    BaseSchema,
    ModelTypeValidator,
    ModelValidationError,
    Obj,
    ObjSchema,
    bind_schema,
)

if TYPE_CHECKING:  # pragma: no cover - the lazy names, for type checkers and editors
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

#: Provider names, imported on first use so that ``import qiskit_models`` only
#: loads the validation layer.
_LAZY = {
    **dict.fromkeys(["AcquireChannel", "ControlChannel", "DriveChannel", "MeasureChannel"], "qiskit_models.providers.channels"),
    **dict.fromkeys(["BackendConfigurationError", "BackendPropertyError"], "qiskit_models.providers.exceptions"),
    **dict.fromkeys(
        [
            "JOB_STATES",
            "BackendConfiguration",
            "BackendProperties",
            "BackendStatus",
            "Command",
            "Discriminator",
            "Gate",
            "GateConfig",
            "JobStatus",
            "MeasurementKernel",
            "Nduv",
            "PulseBackendConfiguration",
            "PulseDefaults",
            "PulseLibraryItem",
            "PulseQobjInstruction",
            "QasmBackendConfiguration",
            "UchannelLO",
        ],
        "qiskit_models.providers.models",
    ),
}

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


# Defined for the interpreter only: type checkers see the names imported above,
# and a module ``__getattr__`` would make every unknown name ``Any`` for them.
if not TYPE_CHECKING:
    __getattr__ = lazy_getattr(__name__, _LAZY, globals())

__dir__ = lazy_dir(globals(), __all__)
