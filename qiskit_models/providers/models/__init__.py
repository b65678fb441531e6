"""Provider models: job and backend status, properties, configuration, pulse defaults."""

from qiskit_models.providers.models.backendstatus import BackendStatus, BackendStatusSchema
from qiskit_models.providers.models.jobstatus import JOB_STATES, JobStatus, JobStatusSchema

__all__ = [
    "BackendStatus",
    "BackendStatusSchema",
    "JOB_STATES",
    "JobStatus",
    "JobStatusSchema",
]
