"""Provider models: job and backend status, properties, configuration, pulse defaults."""

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

__all__ = [
    "BackendProperties",
    "BackendPropertiesSchema",
    "BackendStatus",
    "BackendStatusSchema",
    "Gate",
    "GateSchema",
    "JOB_STATES",
    "JobStatus",
    "JobStatusSchema",
    "Nduv",
    "NduvSchema",
]
