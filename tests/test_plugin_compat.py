"""A provider plugin's own schema, written for marshmallow 3, works unchanged on both majors.

pytest turns every warning into an error (setup.cfg), so these tests also prove
that nothing warns.
"""

from __future__ import annotations

import copy
import threading

import pytest
from marshmallow import pre_load, validates

from qiskit_models.validation import BaseModel, BaseSchema, ModelTypeValidator, ModelValidationError, bind_schema, fields


class QubitIndex(ModelTypeValidator):
    """A custom field as plugins wrote them: legacy helpers only."""

    valid_types = (int,)
    default_error_messages = {"negative": "Qubit index {index} is negative."}

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, int) or isinstance(value, bool):
            raise self._not_expected_type(value, int, field_names=attr)
        if value < 0:
            self.fail("negative", index=value)
        return value

    def check_type(self, value, attr, data, **kwargs):
        value = super().check_type(value, attr, data, **kwargs)
        if value < 0:
            self.fail("negative", index=value)
        return value

    def _serialize(self, value, attr, obj, **kwargs):
        return value


class RemoteJobSchema(BaseSchema):
    """The shape of a plugin schema of 2020."""

    job_id = fields.String(required=True, description="the provider's id")
    backend = fields.String(missing="ibmq_qasm_simulator", description="where it ran")
    shots = fields.Integer(default=1024, missing=1024)
    qubit = QubitIndex(required=True)
    tags = fields.List(fields.String(), missing=list)

    @pre_load
    def rename_legacy_keys(self, data, **kwargs):
        # Real plugin schemas renamed keys in place.
        if "id" in data:
            data["job_id"] = data.pop("id")
        return data

    @validates("job_id")
    def validate_job_id(self, value, **kwargs):
        from marshmallow import ValidationError

        if not value.startswith("job-"):
            raise ValidationError("Job ids start with 'job-'.")


@bind_schema(RemoteJobSchema)
class RemoteJob(BaseModel):
    pass


def test_metadata_keywords_are_kept():
    field = RemoteJobSchema().fields["job_id"]
    assert field.metadata == {"description": "the provider's id"}


def test_missing_and_default_work():
    job = RemoteJob.from_dict({"job_id": "job-1", "qubit": 0})
    assert job.backend == "ibmq_qasm_simulator"
    assert job.shots == 1024
    assert job.tags == []
    dumped = RemoteJob(job_id="job-2", qubit=1).to_dict()
    assert dumped == {"job_id": "job-2", "qubit": 1, "shots": 1024}


def test_pre_load_hook_runs_but_the_input_is_untouched():
    payload = {"id": "job-7", "qubit": 3, "lock": threading.Lock(), "nested": {"a": [1, 2]}}
    before = copy.copy(payload)
    nested_before = copy.deepcopy(payload["nested"])
    job = RemoteJob.from_dict(payload)
    assert job.job_id == "job-7"
    assert payload == before and payload["nested"] == nested_before
    assert "id" in payload and "job_id" not in payload
    assert job.lock is payload["lock"]  # live objects are passed through, not copied


def test_custom_field_fail_on_both_paths():
    for attempt in (lambda: RemoteJob(job_id="job-1", qubit=-2), lambda: RemoteJob.from_dict({"job_id": "job-1", "qubit": -2})):
        with pytest.raises(ModelValidationError) as error:
            attempt()
        assert error.value.messages == {"qubit": ["Qubit index -2 is negative."]}


def test_custom_field_type_error_uses_the_legacy_message():
    with pytest.raises(ModelValidationError) as error:
        RemoteJob(job_id="job-1", qubit="0")
    assert error.value.messages == {"qubit": ["Value '0' <class 'str'>: is not the expected type <class 'int'>"]}


def test_validates_hook_runs_on_both_paths():
    for attempt in (lambda: RemoteJob(job_id="x", qubit=0), lambda: RemoteJob.from_dict({"job_id": "x", "qubit": 0})):
        with pytest.raises(ModelValidationError) as error:
            attempt()
        assert error.value.messages == {"job_id": ["Job ids start with 'job-'."]}


def test_make_error_serialize_and_fail_exist():
    field = QubitIndex()
    error = field.make_error_serialize("negative", index=-1)
    assert error.messages == ["Qubit index -1 is negative."]
    with pytest.raises(Exception) as raised:
        field.fail("negative", index=-5)
    assert raised.value.messages == ["Qubit index -5 is negative."]
