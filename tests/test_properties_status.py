"""Property-based tests of the validation machinery on JobStatus, BackendStatus and single fields."""

from __future__ import annotations

from typing import Any, Dict

import pytest
from hypothesis import given, strategies as st
from marshmallow import ValidationError
from marshmallow.validate import Length, Range

from qiskit_models import JOB_STATES, BackendStatus, JobStatus, ModelValidationError
from qiskit_models.compare import payloads_equal
from qiskit_models.validation import fields
from strategies import any_values, extra_keys, json_values

DECLARED = {"job_id", "status", "status_msg", "backend_name", "backend_version", "operational", "pending_jobs"}

extras = st.dictionaries(extra_keys.filter(lambda key: key not in DECLARED), json_values, max_size=5)

job_payloads = st.fixed_dictionaries(
    {"job_id": st.text(), "status": st.sampled_from(JOB_STATES), "status_msg": st.text()}
)
backend_payloads = st.fixed_dictionaries(
    {
        "backend_name": st.text(),
        "backend_version": st.from_regex(r"\A[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\Z"),
        "operational": st.booleans(),
        "pending_jobs": st.integers(min_value=0, max_value=10**12),
        "status_msg": st.text(),
    }
)


def outcome(function) -> Any:
    """What a call did: ('ok', result) or ('error', messages)."""
    try:
        return ("ok", function())
    except ModelValidationError as error:
        return ("error", error.messages)


@pytest.mark.parametrize("model,payloads", [(JobStatus, job_payloads), (BackendStatus, backend_payloads)])
def test_valid_payloads_with_extra_keys_round_trip_exactly(model, payloads, both_paths):
    @given(payloads, extras)
    def check(payload: Dict[str, Any], extra: Dict[str, Any]) -> None:
        full = {**payload, **extra}
        loaded = model.from_dict(full)
        assert type(loaded) is model
        assert payloads_equal(full, loaded.to_dict())
        assert model.from_dict(loaded.to_dict()) == loaded
        constructed = model(**{key: value for key, value in full.items() if key != "validate"})
        if "validate" not in full:
            assert constructed == loaded

    check()


@pytest.mark.parametrize(
    "model,payloads,field",
    [
        (JobStatus, job_payloads, "job_id"),
        (JobStatus, job_payloads, "status"),
        (BackendStatus, backend_payloads, "backend_version"),
        (BackendStatus, backend_payloads, "operational"),
        (BackendStatus, backend_payloads, "pending_jobs"),
    ],
)
def test_construct_and_load_agree_on_any_value(model, payloads, field, both_paths):
    @given(payloads, any_values)
    def check(payload: Dict[str, Any], value: Any) -> None:
        data = {**payload, field: value}
        constructed = outcome(lambda: model(**data))
        loaded = outcome(lambda: model.from_dict(data))
        assert constructed[0] == loaded[0]
        if constructed[0] == "error":
            assert constructed[1] == loaded[1]
            assert list(constructed[1]) == [field]
        else:
            assert constructed[1] == loaded[1]

    check()


SCALAR_FIELDS = [
    fields.String(),
    fields.String(validate=Length(min=2)),
    fields.Integer(),
    fields.Integer(validate=Range(min=0), allow_none=True),
    fields.Integer(strict=True),
    fields.Float(),
    fields.Float(allow_nan=True),
    fields.Number(validate=Range(min=-1, max=1)),
    fields.Boolean(),
    fields.Raw(),
    fields.List(fields.Integer(validate=Range(min=0))),
    fields.Dict(),
]


@pytest.mark.parametrize("field", SCALAR_FIELDS, ids=lambda field: f"{type(field).__name__}")
@given(value=any_values)
def test_field_check_and_load_agree(field, value):
    def run(function):
        try:
            function(value)
            return None
        except ValidationError as error:
            return error.messages

    loaded = run(field.deserialize)
    checked = run(field.check_value)
    assert loaded == checked


@pytest.mark.parametrize("field", SCALAR_FIELDS, ids=lambda field: f"{type(field).__name__}")
@given(value=json_values)
def test_field_dump_writes_back_what_it_loaded(field, value):
    try:
        loaded = field.deserialize(value)
    except ValidationError:
        return
    assert payloads_equal(value, field._serialize(loaded, "f", None))
