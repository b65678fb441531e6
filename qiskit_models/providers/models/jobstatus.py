"""The status of a job, as a provider reports it."""

from __future__ import annotations

from typing import Any, Tuple

from qiskit_models.validation import BaseModel, BaseSchema, bind_schema, fields
from qiskit_models.validation.base import _plain_init
from qiskit_models.validation.validate import OneOf

__all__ = ["JOB_STATES", "JobStatus", "JobStatusSchema"]

#: The job states a provider reports: the five legacy ones (``QUEUED``,
#: ``RUNNING``, ``DONE``, ``CANCELLED``, ``ERROR``) plus ``INITIALIZING`` and
#: ``VALIDATING``, the other states of ``qiskit.providers.JobStatus``.
JOB_STATES: Tuple[str, ...] = (
    "INITIALIZING",
    "QUEUED",
    "VALIDATING",
    "RUNNING",
    "CANCELLED",
    "DONE",
    "ERROR",
)


class JobStatusSchema(BaseSchema):
    """Schema of :class:`JobStatus`.

    To accept other states, subclass it, redefine ``status`` and bind the subclass
    to a subclass of :class:`JobStatus` (see the plugin guide).
    """

    job_id = fields.String(required=True)
    status = fields.String(required=True, validate=OneOf(JOB_STATES))
    status_msg = fields.String(required=True)


@bind_schema(JobStatusSchema)
class JobStatus(BaseModel):
    """Model for JobStatus.

    Attributes:
        job_id (str): backend job_id.
        status (str): status of the job, one of :data:`JOB_STATES`.
        status_msg (str): status message.

    Args:
        job_id: backend job_id.
        status: status of the job.
        status_msg: status message.
        **kwargs: other payload keys, kept and written back by ``to_dict``.
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    job_id: str
    status: str
    status_msg: str

    @_plain_init
    def __init__(self, job_id: str, status: str, status_msg: str, **kwargs: Any) -> None:
        self.job_id = job_id
        self.status = status
        self.status_msg = status_msg
        super().__init__(**kwargs)
