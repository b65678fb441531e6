"""BackendStatus: the legacy rules, with strict types on both paths."""

from __future__ import annotations

import numpy
import pytest

from qiskit_models import BackendStatus, ModelValidationError

PAYLOAD = {
    "backend_name": "ibmqx5",
    "backend_version": "1.1.1",
    "operational": False,
    "pending_jobs": 10,
    "status_msg": "Paused for recalibration",
}


def both_paths(**changes):
    """Yield the construct and load attempts of PAYLOAD with ``changes``."""
    data = {**PAYLOAD, **changes}
    return [lambda: BackendStatus(**data), lambda: BackendStatus.from_dict(data)]


def test_round_trip():
    status = BackendStatus.from_dict(PAYLOAD)
    assert status.to_dict() == PAYLOAD
    assert status == BackendStatus(**PAYLOAD)


def test_empty_payload_reports_every_field():
    with pytest.raises(ModelValidationError) as error:
        BackendStatus.from_dict({})
    assert error.value.messages == {name: ["Missing data for required field."] for name in PAYLOAD}


@pytest.mark.parametrize("version", ["1.1.1", "10.20.30", "12345", "1a2b3"])
def test_versions_accepted_as_in_legacy(version):
    for attempt in both_paths(backend_version=version):
        assert attempt().backend_version == version


@pytest.mark.parametrize("version", ["v1.0.0", "1.0", "1.0.0-dev", "1.0.0.1", ""])
def test_versions_rejected_as_in_legacy(version):
    for attempt in both_paths(backend_version=version):
        with pytest.raises(ModelValidationError) as error:
            attempt()
        assert error.value.messages == {"backend_version": ["String does not match expected pattern."]}


@pytest.mark.parametrize("value", [True, 2.5, -1, float("nan"), float("inf"), "3", None])
def test_pending_jobs_rejects_numbers_that_are_not_what_they_seem(value):
    outcomes = []
    for attempt in both_paths(pending_jobs=value):
        with pytest.raises(ModelValidationError) as error:
            attempt()
        outcomes.append(error.value.messages)
    assert outcomes[0] == outcomes[1]
    assert list(outcomes[0]) == ["pending_jobs"]


def test_pending_jobs_messages():
    expected = {
        True: "Not a valid integer.",
        2.5: "Not a valid integer.",
        -1: "Must be greater than or equal to 0.",
        None: "Field may not be null.",
    }
    for value, message in expected.items():
        with pytest.raises(ModelValidationError) as error:
            BackendStatus.from_dict({**PAYLOAD, "pending_jobs": value})
        assert error.value.messages == {"pending_jobs": [message]}


def test_numpy_integer_is_accepted_and_dumped_as_int():
    constructed = BackendStatus(**{**PAYLOAD, "pending_jobs": numpy.int64(4)})
    assert constructed.pending_jobs == 4
    assert type(constructed.to_dict()["pending_jobs"]) is int
    loaded = BackendStatus.from_dict({**PAYLOAD, "pending_jobs": numpy.int64(4)})
    assert type(loaded.pending_jobs) is int
    assert loaded.to_dict()["pending_jobs"] == 4


def test_integral_float_loads_as_int():
    loaded = BackendStatus.from_dict({**PAYLOAD, "pending_jobs": 4.0})
    assert loaded.pending_jobs == 4 and type(loaded.pending_jobs) is int


@pytest.mark.parametrize("value", ["yes", 1, 0, "true", None])
def test_operational_must_be_a_boolean(value):
    for attempt in both_paths(operational=value):
        with pytest.raises(ModelValidationError) as error:
            attempt()
        assert list(error.value.messages) == ["operational"]


def test_numpy_bool_is_accepted():
    loaded = BackendStatus.from_dict({**PAYLOAD, "operational": numpy.bool_(True)})
    assert loaded.operational is True
    assert BackendStatus(**{**PAYLOAD, "operational": numpy.bool_(True)}).to_dict()["operational"] is True
