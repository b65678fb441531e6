"""qiskit-models: Qiskit's marshmallow model layer for provider plugins, kept alive.

The legacy names are here under new module paths
(``qiskit.validation`` -> :mod:`qiskit_models.validation`,
``qiskit.providers.models`` -> :mod:`qiskit_models.providers.models`)
and re-exported from this package.
"""

from qiskit_models.exceptions import QiskitModelsError
from qiskit_models.providers.models import JOB_STATES, BackendStatus, JobStatus
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
    "BackendStatus",
    "BaseModel",
    "BaseSchema",
    "JOB_STATES",
    "JobStatus",
    "ModelTypeValidator",
    "ModelValidationError",
    "Obj",
    "ObjSchema",
    "QiskitModelsError",
    "__version__",
    "bind_schema",
]
