"""The status of a backend, as a provider reports it."""

from __future__ import annotations

from typing import Any

from marshmallow.validate import Range, Regexp

from qiskit_models.validation import BaseModel, BaseSchema, bind_schema, fields
from qiskit_models.validation.base import _plain_init

__all__ = ["BackendStatus", "BackendStatusSchema", "VERSION_PATTERN"]

#: The legacy pattern of ``backend_version``, kept as it was so that every
#: version that loaded before still loads: matched at the start only, with
#: unescaped dots (``"1.2.3"``, also ``"12345"``).
VERSION_PATTERN = "[0-9]+.[0-9]+.[0-9]+$"


class BackendStatusSchema(BaseSchema):
    """Schema of :class:`BackendStatus`."""

    backend_name = fields.String(required=True)
    backend_version = fields.String(required=True, validate=Regexp(VERSION_PATTERN))
    operational = fields.Boolean(required=True)
    pending_jobs = fields.Integer(required=True, validate=Range(min=0))
    status_msg = fields.String(required=True)


@bind_schema(BackendStatusSchema)
class BackendStatus(BaseModel):
    """Class representing Backend Status.

    Attributes:
        backend_name (str): the backend's name.
        backend_version (str): the backend's version, ``X.Y.Z``.
        operational (bool): whether the backend is operational.
        pending_jobs (int): the number of jobs waiting, 0 or more.
        status_msg (str): the status message.

    Args:
        backend_name: the backend's name.
        backend_version: the backend's version.
        operational: whether the backend is operational.
        pending_jobs: the number of pending jobs.
        status_msg: the status message.
        **kwargs: other payload keys, kept and written back by ``to_dict``.
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    backend_name: str
    backend_version: str
    operational: bool
    pending_jobs: int
    status_msg: str

    @_plain_init
    def __init__(
        self,
        backend_name: str,
        backend_version: str,
        operational: bool,
        pending_jobs: int,
        status_msg: str,
        **kwargs: Any,
    ) -> None:
        self.backend_name = backend_name
        self.backend_version = backend_version
        self.operational = operational
        self.pending_jobs = pending_jobs
        self.status_msg = status_msg
        super().__init__(**kwargs)
