"""JobStatus as ``jobstatus-reference.md`` describes it, plus the documented extension."""

from __future__ import annotations

import inspect

import pytest
from marshmallow import ValidationError

from qiskit_models import JOB_STATES, JobStatus, ModelValidationError, QiskitModelsError
from qiskit_models.providers.models import JobStatusSchema
from qiskit_models.validation import bind_schema, fields
from qiskit_models.validation.validate import OneOf

PAYLOAD = {"job_id": "1x56222G", "status": "RUNNING", "status_msg": "Currently running"}


def test_signature_is_the_legacy_one():
    parameters = inspect.signature(JobStatus).parameters
    assert list(parameters) == ["job_id", "status", "status_msg", "kwargs"]
    assert parameters["kwargs"].kind is inspect.Parameter.VAR_KEYWORD


def test_keyword_and_positional_construction_agree():
    by_keyword = JobStatus(job_id="j", status="DONE", status_msg="m")
    by_position = JobStatus("j", "DONE", "m")
    assert by_keyword == by_position
    assert (by_keyword.job_id, by_keyword.status, by_keyword.status_msg) == ("j", "DONE", "m")


def test_from_dict_to_dict():
    job = JobStatus.from_dict(PAYLOAD)
    assert type(job) is JobStatus
    assert job.to_dict() == PAYLOAD
    assert job == JobStatus(**PAYLOAD)


def test_accepted_states_are_defined_once():
    assert JOB_STATES == ("INITIALIZING", "QUEUED", "VALIDATING", "RUNNING", "CANCELLED", "DONE", "ERROR")
    for state in JOB_STATES:
        assert JobStatus(job_id="j", status=state, status_msg="m").status == state
        assert JobStatus.from_dict({**PAYLOAD, "status": state}).status == state


@pytest.mark.parametrize("status", ["TRANSPILING", "done", " DONE", "DONE ", "", "Done"])
def test_other_states_are_rejected_identically_on_both_paths(status):
    expected = {
        "status": [
            "Must be one of: INITIALIZING, QUEUED, VALIDATING, RUNNING, CANCELLED, DONE, ERROR "
            f"(got {status!r})."
        ]
    }
    with pytest.raises(ModelValidationError) as construct:
        JobStatus(job_id="j", status=status, status_msg="m")
    with pytest.raises(ModelValidationError) as load:
        JobStatus.from_dict({"job_id": "j", "status": status, "status_msg": "m"})
    assert construct.value.messages == load.value.messages == expected


def test_missing_fields_are_reported_together():
    with pytest.raises(ModelValidationError) as error:
        JobStatus.from_dict({"job_id": "j-1", "status_msg": "stopped"})
    assert error.value.messages == {"status": ["Missing data for required field."]}
    with pytest.raises(ModelValidationError) as error:
        JobStatus.from_dict({})
    assert error.value.messages == {
        "job_id": ["Missing data for required field."],
        "status": ["Missing data for required field."],
        "status_msg": ["Missing data for required field."],
    }


def test_status_msg_is_not_nullable():
    for attempt in (
        lambda: JobStatus(job_id="j", status="DONE", status_msg=None),
        lambda: JobStatus.from_dict({"job_id": "j", "status": "DONE", "status_msg": None}),
    ):
        with pytest.raises(ModelValidationError) as error:
            attempt()
        assert error.value.messages == {"status_msg": ["Field may not be null."]}


def test_error_is_every_kind_of_error():
    with pytest.raises(ModelValidationError) as error:
        JobStatus.from_dict({})
    assert isinstance(error.value, ValidationError)
    assert isinstance(error.value, ValueError)
    assert isinstance(error.value, QiskitModelsError)


def test_validate_false_skips_the_checks():
    job = JobStatus(job_id=1, status="whatever", status_msg=None, validate=False)
    assert (job.job_id, job.status, job.status_msg) == (1, "whatever", None)
    assert "validate" not in job


def test_validate_key_is_data_on_the_load_path():
    job = JobStatus.from_dict({**PAYLOAD, "validate": False})
    assert job.validate is False
    assert job["validate"] is False
    assert job.to_dict() == {**PAYLOAD, "validate": False}


def test_unbound_subclass_gets_its_own_instances():
    class MyJob(JobStatus):
        def describe(self) -> str:
            return f"{self.job_id}: {self.status}"

    job = MyJob.from_dict(PAYLOAD)
    assert type(job) is MyJob
    assert job.describe() == "1x56222G: RUNNING"
    assert type(MyJob(**PAYLOAD)) is MyJob
    assert JobStatus.from_dict(PAYLOAD).__class__ is JobStatus


def test_subclass_with_its_own_init_runs_it_on_load():
    class TimedJob(JobStatus):
        def __init__(self, job_id, status, status_msg, **kwargs):
            self.seen = True
            super().__init__(job_id, status, status_msg, **kwargs)

    job = TimedJob.from_dict(PAYLOAD)
    assert type(job) is TimedJob
    assert job.seen is True
    assert job.to_dict() == {**PAYLOAD, "seen": True}


# The documented way for a provider with other job states (docs: plugin guide).
class TranspilingJobStatusSchema(JobStatusSchema):
    status = fields.String(required=True, validate=OneOf(JOB_STATES + ("TRANSPILING", "TRANSPILED")))


@bind_schema(TranspilingJobStatusSchema)
class TranspilingJobStatus(JobStatus):
    pass


def test_provider_with_extra_states():
    job = TranspilingJobStatus.from_dict({**PAYLOAD, "status": "TRANSPILING"})
    assert type(job) is TranspilingJobStatus
    assert job.status == "TRANSPILING"
    assert TranspilingJobStatus(job_id="j", status="TRANSPILED", status_msg="m").status == "TRANSPILED"
    assert TranspilingJobStatus.from_dict(PAYLOAD).status == "RUNNING"
    with pytest.raises(ModelValidationError) as error:
        TranspilingJobStatus(job_id="j", status="LOST", status_msg="m")
    assert error.value.messages == {
        "status": [
            "Must be one of: INITIALIZING, QUEUED, VALIDATING, RUNNING, CANCELLED, DONE, ERROR, "
            "TRANSPILING, TRANSPILED (got 'LOST')."
        ]
    }
    # the base model keeps its own rule
    with pytest.raises(ModelValidationError):
        JobStatus.from_dict({**PAYLOAD, "status": "TRANSPILING"})
