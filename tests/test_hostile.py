"""Malformed and hostile payloads, kind by kind, on every model and both paths.

Every test runs on every model of ``qiskit_models.kinds.KINDS`` and every model
nested in them (``hostile.MODELS``), starting from a real payload of the corpus,
and finds the places to break generically by walking the payload along the
schema.  "Both paths" means the load path (``Model.from_dict``, with the compiled
fast path on and off: the ``both_paths`` fixture) and the construct path
(``Model(**kwargs)`` with already-built child values), and ``to_dict``.
"""

from __future__ import annotations

import copy
import math
import pickle
import sys
from datetime import datetime, timedelta, timezone

import numpy
import pytest
from marshmallow.validate import OneOf

from hostile import (
    MODELS,
    TOP_LEVEL,
    built_kwargs,
    drop,
    error_at,
    error_paths,
    get_at,
    model_id,
    outcome,
    put,
    sample,
    sites,
    validator_rejects,
)
from qiskit_models import (
    BackendConfiguration,
    BackendProperties,
    BackendStatus,
    ControlChannel,
    JobStatus,
    ModelValidationError,
    PulseBackendConfiguration,
    PulseDefaults,
    PulseLibraryItem,
    QasmBackendConfiguration,
)
from qiskit_models.compare import payload_differences, payloads_equal
from qiskit_models.validation import BaseModel, fields
from qiskit_models.validation._values import MAX_DEPTH

REQUIRED = ["Missing data for required field."]
NULL = ["Field may not be null."]
INVALID_INPUT = ["Invalid input type."]


def load_error(model, payload):
    with pytest.raises(ModelValidationError) as caught:
        model.from_dict(payload)
    return caught.value.messages


def construct_error(model, kwargs):
    with pytest.raises(ModelValidationError) as caught:
        model(**kwargs)
    return caught.value.messages


def own_sites(model, kinds):
    """The places of the model's own fields (list items included, nested models not) of the given field types."""
    return [site for site in sites(model, sample(model), deep=False) if type(site.field) in kinds]


def cases(kinds, when=lambda field: True, models=MODELS):
    found = [(model, site) for model in models for site in own_sites(model, kinds) if when(site.field)]
    return pytest.mark.parametrize(
        "model,site", found, ids=[f"{model.__name__}.{'.'.join(map(str, site.path))}" for model, site in found]
    )


def constructed_with(model, site, value):
    """Construct the model with ``value`` at the site (payload units; built children)."""
    payload = sample(model)
    kwargs = built_kwargs(model, payload)
    key, rest = site.path[0], site.path[1:]
    attribute = _attribute(model, key)
    if rest:
        kwargs[attribute] = put(kwargs[attribute], rest, value)
    else:
        kwargs[attribute] = value
    return model(**kwargs)


def _attribute(model, key):
    for name, field in model.schema.fields.items():
        if (field.data_key or name) == key:
            return field.attribute or name
    return key


def round_trips(model, payload):
    loaded = model.from_dict(payload)
    dumped = loaded.to_dict()
    assert payload_differences(payload, dumped) == []
    assert model.from_dict(dumped) == loaded
    return loaded, dumped


# -- empty or partial payload ----------------------------------------------------------


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_empty_payload_reports_every_required_field_in_one_error(model, both_paths):
    required = {field.data_key or name for name, field in model.schema.fields.items() if field.required}
    if not required:
        assert model.from_dict({}).to_dict() == {}
        return
    assert load_error(model, {}) == {key: REQUIRED for key in required}


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_partial_payload_reports_exactly_the_missing_fields(model, both_paths):
    payload = sample(model)
    required = [key for key in payload if getattr(model.schema.fields.get(key), "required", False)]
    for key in required:
        assert load_error(model, drop(payload, (key,))) == {key: REQUIRED}
    if len(required) > 1:
        kept = required[0]
        partial = {kept: payload[kept]}
        assert load_error(model, partial) == {key: REQUIRED for key in required if key != kept}


@pytest.mark.parametrize("model", MODELS, ids=model_id)
@pytest.mark.parametrize("payload", [None, [], "text", b"{}", 5, 2.5, True, ("job_id", "j"), {"a", "b"}, [{"job_id": "j"}]], ids=repr)
def test_a_payload_that_is_not_a_mapping_is_reported_under_schema(model, payload, both_paths):
    assert load_error(model, payload) == {"_schema": INVALID_INPUT}


@pytest.mark.parametrize("model", TOP_LEVEL, ids=model_id)
def test_a_nested_payload_that_is_not_a_mapping_is_reported_at_its_place(model, both_paths):
    payload = sample(model)
    nested = [site for site in sites(model, payload) if isinstance(site.field, fields.Nested) and isinstance(site.value, (dict, list))]
    for site in nested:
        many = site.field.many or site.field.schema.many
        path = site.path + ((0,) if many and site.value else ())
        if many and not site.value:
            continue
        messages = load_error(model, put(payload, path, "text"))
        assert messages == error_at(path, {"_schema": INVALID_INPUT})


# -- status outside the accepted set ------------------------------------------------------


def _one_of(field):
    return [validator for validator in field.validators if isinstance(validator, OneOf)]


@cases({fields.String, fields.Integer, fields.Boolean}, when=_one_of)
def test_a_value_outside_the_accepted_set_shows_the_value_and_the_choices(model, site, both_paths):
    accepted = list(_one_of(site.field)[0].choices)
    if isinstance(accepted[0], str):
        wrong = ["TRANSPILING", accepted[0].lower(), " " + accepted[0], accepted[0] + " ", ""]
    else:
        wrong = [value for value in (True, False, 0, 1, 2) if value not in accepted and type(value) is type(accepted[0])]
    for value in wrong:
        expected = error_at(site.local, [f"Must be one of: {', '.join(map(str, accepted))} (got {value!r})."])
        assert load_error(model, put(sample(model), site.path, value)) == expected
        with pytest.raises(ModelValidationError) as caught:
            constructed_with(model, site, value)
        assert caught.value.messages == expected


def test_job_status_examples():
    for status in ("TRANSPILING", "done", " DONE"):
        expected = {"status": [f"Must be one of: INITIALIZING, QUEUED, VALIDATING, RUNNING, CANCELLED, DONE, ERROR (got {status!r})."]}
        assert load_error(JobStatus, {"job_id": "j-2", "status": status, "status_msg": "m"}) == expected
        assert construct_error(JobStatus, {"job_id": "j-2", "status": status, "status_msg": "m"}) == expected


# -- null vs missing vs optional ----------------------------------------------------------


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_null_and_missing_follow_each_fields_rule_on_both_paths(model, both_paths):
    payload = sample(model)
    for name, field in model.schema.fields.items():
        key = field.data_key or name
        attribute = field.attribute or name
        nulled = {**payload, key: None}
        kwargs = {**built_kwargs(model, payload), attribute: None}
        if field.allow_none:
            loaded, dumped = round_trips(model, nulled)
            assert getattr(loaded, attribute) is None and dumped[key] is None
            assert model(**kwargs).to_dict()[key] is None
        else:
            assert load_error(model, nulled) == {key: NULL}
            assert construct_error(model, kwargs) == {key: NULL}
        without = {k: v for k, v in payload.items() if k != key}
        if field.required:
            assert load_error(model, without) == {key: REQUIRED}
        else:
            loaded, dumped = round_trips(model, without)
            assert key not in dumped and key not in loaded


def test_the_examples_of_null_and_missing():
    payload = sample(QasmBackendConfiguration)
    loaded, dumped = round_trips(QasmBackendConfiguration, {**payload, "coupling_map": None})
    assert loaded.coupling_map is None and dumped["coupling_map"] is None
    assert load_error(JobStatus, {"job_id": "j", "status": "DONE", "status_msg": None}) == {"status_msg": NULL}
    assert construct_error(JobStatus, {"job_id": "j", "status": "DONE", "status_msg": None}) == {"status_msg": NULL}


def test_a_required_nullable_field_keeps_its_none_through_every_copy():
    from qiskit_models import GateConfig

    gate = GateConfig.from_dict({"name": "reset", "parameters": None, "qasm_def": None})
    for clone in (copy.copy(gate), copy.deepcopy(gate), pickle.loads(pickle.dumps(gate)), GateConfig.from_dict(gate.to_dict())):
        assert clone.parameters is None and clone.qasm_def is None and clone == gate
    assert load_error(GateConfig, {"name": "reset", "parameters": None}) == {"qasm_def": REQUIRED}


# -- date-times ------------------------------------------------------------------------------

DATETIMES = {
    "2021-06-01T08:30:00Z": datetime(2021, 6, 1, 8, 30, tzinfo=timezone.utc),
    "2021-06-01T08:30:00.250Z": datetime(2021, 6, 1, 8, 30, 0, 250000, tzinfo=timezone.utc),
    "2021-06-01T10:30:00+02:00": datetime(2021, 6, 1, 10, 30, tzinfo=timezone(timedelta(hours=2))),
    "2021-06-01 08:30:00Z": datetime(2021, 6, 1, 8, 30, tzinfo=timezone.utc),
    "2021-06-01T08:30:00": datetime(2021, 6, 1, 8, 30),
    "2021-06-01T08:30:00.123456789-05:30": datetime(2021, 6, 1, 8, 30, 0, 123456, tzinfo=timezone(-timedelta(hours=5, minutes=30))),
    "2021-6-1T8:30": datetime(2021, 6, 1, 8, 30),
}
NOT_DATETIMES = ["01/06/2021", "2021-06-01", "2021-13-01T00:00:00Z", "2021-06-01T08:30:00+24:00", "yesterday", "", 1622536200, None]


@cases({fields.DateTime})
def test_datetimes_as_services_write_them(model, site, both_paths):
    for text, expected in DATETIMES.items():
        payload = put(sample(model), site.path, text)
        loaded, dumped = round_trips(model, payload)
        value = get_at(loaded.__dict__, site.path)
        assert value == expected and value.utcoffset() == expected.utcoffset()
        assert (value.tzinfo is None) is (expected.tzinfo is None)
        assert get_at(dumped, site.path) == text
        # a value computed from it, or set by code, is written in ISO 8601 and loads back equal
        shifted = value + timedelta(seconds=1)
        loaded.__dict__[site.path[0]] = shifted
        again = model.from_dict(loaded.to_dict())
        assert getattr(again, site.path[0]) == shifted
        assert getattr(again, site.path[0]).utcoffset() == shifted.utcoffset()
        assert loaded.to_dict()[site.path[0]] == shifted.isoformat()
    for text in NOT_DATETIMES:
        messages = load_error(model, put(sample(model), site.path, text))
        assert messages == error_at(site.local, NULL if text is None else ["Not a valid datetime."])


@cases({fields.DateTime})
def test_datetimes_on_the_construct_path(model, site):
    for expected in DATETIMES.values():
        built = constructed_with(model, site, expected)
        assert model.from_dict(built.to_dict()) == built
    assert list(construct_error(model, {**built_kwargs(model, sample(model)), site.path[0]: "2021-06-01T08:30:00Z"})) == [site.path[0]]


# -- complex numbers -----------------------------------------------------------------------


def _complex(field):
    return not isinstance(field, fields.ByType) or any(isinstance(choice, fields.Complex) for choice in field.choices)


@cases({fields.Complex, fields.ByType}, when=_complex)
def test_complex_numbers_in_both_encodings(model, site, both_paths):
    for pair, number in (([0.5, 0.0], 0.5 + 0j), ([0.25, -0.5], 0.25 - 0.5j), ([0, 1], 1j), ([-1e-300, 1e300], complex(-1e-300, 1e300))):
        from_pair = model.from_dict(put(sample(model), site.path, pair))
        from_complex = model.from_dict(put(sample(model), site.path, number))
        assert from_pair == from_complex
        assert get_at(from_pair.__dict__, site.path) == number
        assert get_at(from_pair.to_dict(), site.path) == get_at(from_complex.to_dict(), site.path) == [float(v) for v in pair]
        assert constructed_with(model, site, number) == from_pair
    for bad in ([0.1, 0.2, 0.3], ["a", "b"], [0.1], [], [True, 0], [math.nan, 0], [0, math.inf], "1+2j", {"re": 1, "im": 2}, [[0.1, 0.2]], [None, 0]):
        messages = load_error(model, put(sample(model), site.path, bad))
        assert error_paths(messages) == [site.local], (bad, messages)


def test_pulse_samples_in_both_encodings():
    for path in ((), ):
        pairs = PulseLibraryItem.from_dict({"name": "p", "samples": [[0.5, 0.0], [0.25, -0.5]]})
        numbers = PulseLibraryItem.from_dict({"name": "p", "samples": [0.5 + 0j, 0.25 - 0.5j]})
        assert pairs == numbers and pairs.to_dict() == numbers.to_dict() == {"name": "p", "samples": [[0.5, 0.0], [0.25, -0.5]]}
    assert load_error(PulseLibraryItem, {"name": "p", "samples": [[0.1, 0.2, 0.3]]}) == {"samples": {0: ["[0.1, 0.2, 0.3] cannot be parsed as a complex number."]}}
    assert load_error(PulseLibraryItem, {"name": "p", "samples": [[0.5, 0], ["a", "b"]]}) == {"samples": {1: ["['a', 'b'] cannot be parsed as a complex number."]}}


# -- wrong type deep inside ------------------------------------------------------------------


def test_the_deep_example(both_paths):
    payload = sample(BackendProperties)
    while len(payload["qubits"]) < 4:
        payload["qubits"].append(copy.deepcopy(payload["qubits"][0]))
    while len(payload["qubits"][3]) < 2:
        payload["qubits"][3].append(copy.deepcopy(payload["qubits"][3][0]))
    while len(payload["gates"]) < 8:
        payload["gates"].append(copy.deepcopy(payload["gates"][0]))
    payload["qubits"][3][1]["value"] = "fast"
    del payload["gates"][7]["parameters"]
    messages = load_error(BackendProperties, payload)
    assert messages == {"qubits": {3: {1: {"value": ["Not a valid number."]}}}, "gates": {7: {"parameters": REQUIRED}}}


@pytest.mark.parametrize("model", TOP_LEVEL, ids=model_id)
def test_every_deep_place_reports_a_wrong_type_at_its_integer_path(model, both_paths):
    """One wrong value at every leaf of the tree, and two at once, each reported at its path."""
    payload = sample(model)
    leaves = [site for site in sites(model, payload) if type(site.field) in SCALARS]
    assert leaves
    wrong = {}
    for site in leaves:
        value = [] if not isinstance(site.field, fields.Raw) else None
        messages = load_error(model, put(payload, site.path, value))
        assert error_paths(messages) == [site.path], site.path
        wrong[site.path] = messages
    first, last = leaves[0], leaves[-1]
    both = put(put(payload, first.path, []), last.path, [])
    if first.path != last.path:
        assert error_paths(load_error(model, both)) == sorted({first.path, last.path}, key=repr)


SCALARS = {fields.String, fields.Integer, fields.Float, fields.Number, fields.Boolean, fields.DateTime, fields.Complex, fields.ByType}


# -- numbers that are not what they seem ------------------------------------------------------

NUMERIC = {fields.Integer, fields.Float, fields.Number, fields.ByType}


def _numeric(field):
    if isinstance(field, fields.ByType):
        return next((choice for choice in field.choices if isinstance(choice, fields.Number)), None)
    return field


@cases(NUMERIC, when=_numeric)
def test_numbers_that_are_not_what_they_seem(model, site, both_paths):
    number = _numeric(site.field)
    integer = isinstance(number, fields.Integer)
    probes = {
        True: False,
        False: False,
        2.5: not integer and not validator_rejects(number, 2.5),
        numpy.int64(4): not validator_rejects(number, 4),
        numpy.int8(3): not validator_rejects(number, 3),
        numpy.float64(4.0): not validator_rejects(number, 4),
        numpy.bool_(True): False,
        -1: not validator_rejects(number, -1),
        math.nan: False,
        math.inf: False,
        -math.inf: False,
        numpy.float64("nan"): False,
        10**400: integer and not validator_rejects(number, 10**400),
        "3": isinstance(site.field, fields.ByType) and any(isinstance(choice, fields.String) for choice in site.field.choices),
    }
    for value, accepted in probes.items():
        payload = put(sample(model), site.path, value)
        load = outcome(lambda: model.from_dict(payload))
        construct = outcome(lambda: constructed_with(model, site, value))
        assert load[0] == construct[0] == ("ok" if accepted else "error"), (value, load, construct)
        if not accepted:
            assert error_paths(load[1]) == [site.local], (value, load)
            if type(value).__module__ != "numpy":  # loading converts it first, so a message quotes 4, not np.int64(4)
                assert load[1] == construct[1], value
            assert error_paths(construct[1]) == [site.local]
            continue
        dumped = load[1].to_dict()
        written = get_at(dumped, site.path)
        assert written == value and type(written) in ((str,) if isinstance(value, str) else (int, float))
        if integer or isinstance(value, (numpy.integer, int)):
            assert type(written) is int
        assert payloads_equal(construct[1].to_dict(), dumped)
        assert model.from_dict(dumped) == load[1]


def test_the_pending_jobs_examples(both_paths):
    payload = sample(BackendStatus)
    for value, message in ((True, "Not a valid integer."), (2.5, "Not a valid integer."), (-1, "Must be greater than or equal to 0."),
                           (math.nan, "Not a valid integer."), (math.inf, "Not a valid integer.")):
        assert load_error(BackendStatus, {**payload, "pending_jobs": value}) == {"pending_jobs": [message]}
        assert construct_error(BackendStatus, {**payload, "pending_jobs": value}) == {"pending_jobs": [message]}
    loaded = BackendStatus.from_dict({**payload, "pending_jobs": numpy.int64(4)})
    assert type(loaded.pending_jobs) is int and type(loaded.to_dict()["pending_jobs"]) is int


# -- keys that collide with names the model uses ------------------------------------------------

ODD_KEYS = [
    "validate", "self", "cls", "args", "kwargs", "__class__", "__dict__", "__init__", "__new__", "__eq__",
    "__hash__", "__reduce_ex__", "__getstate__", "__setstate__", "__getattr__", "__slots__", "__weakref__",
    "__qm_binding__", "_qm_extras", "_qm_wire", "_qm_conversions", "_qubits", "_gates", "_data", "_", "__",
    "a-b", "1x", "a b", "", " ", "ü", "\u00b5s", "\ud800", "\x00", "é" * 300,
]


def _colliding_keys(model):
    return sorted(set(dir(model)) | set(ODD_KEYS) - {field.data_key or name for name, field in model.schema.fields.items()})


def _behaviour(obj):
    """Everything a model answers, for comparison with and without colliding keys."""
    answers = {"to_dict": obj.to_dict(), "repr_type": type(obj), "str": str(obj) if type(obj).__str__ is not object.__str__ else None}
    if isinstance(obj, BackendProperties):
        answers["qubit0"] = obj.qubit_property(0)
        answers["gates"] = obj.gate_property(obj.gates[0].gate)
        answers["t1"] = outcome(lambda: obj.t1(0)) if "T1" in obj.qubit_property(0) else None
    if isinstance(obj, BackendConfiguration):
        answers["num_qubits"] = obj.num_qubits
    if isinstance(obj, PulseBackendConfiguration):
        answers["pulse"] = (obj.sample_rate, obj.drive(0), obj.measure(0), obj.acquire(0), obj.dt, obj.rep_times, obj.hamiltonian)
        answers["describe"] = obj.describe(ControlChannel(0)) if obj.u_channel_lo else None
    if isinstance(obj, PulseDefaults):
        answers["freqs"] = (obj.qubit_freq_est, obj.meas_freq_est)
    return answers


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_keys_that_collide_with_names_the_model_uses(model, both_paths):
    payload = sample(model)
    plain = model.from_dict(payload)
    class_attributes = dict(vars(model))
    odd = {key: {"value of": key} for key in _colliding_keys(model)}
    full = {**payload, **odd}
    loaded = model.from_dict(full)
    assert type(loaded) is model
    assert loaded.to_dict() == full
    for key, value in odd.items():
        assert loaded[key] == value and key in loaded
    expected = _behaviour(plain)
    answers = _behaviour(loaded)
    expected["to_dict"] = {**expected["to_dict"], **odd}
    if expected["str"] is not None:
        answers["str"] = expected["str"] = None  # str() may show payload keys; it must not fail
        str(loaded)
    assert answers == expected
    repr(loaded)
    assert loaded == model.from_dict(full) and loaded != plain
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(loaded, protocol)) == loaded
    assert copy.copy(loaded) == loaded and copy.deepcopy(loaded) == loaded
    assert vars(model).keys() == class_attributes.keys()  # nothing on the class changed
    assert all(vars(model)[name] is value for name, value in class_attributes.items())


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_colliding_keys_on_the_construct_path(model):
    """``validate`` is the constructor's flag, and only string keys can be keyword arguments: both left out."""
    payload = sample(model)
    odd = {key: [key] for key in _colliding_keys(model) if key != "validate"}
    built = model(**{**built_kwargs(model, payload), **odd})
    assert built.to_dict() == {**model.from_dict(payload).to_dict(), **odd}
    assert built == model.from_dict({**payload, **odd})


@pytest.mark.parametrize("model", MODELS, ids=model_id)
@pytest.mark.parametrize("key", [1, 2.5, None, True, (1, 2), b"x", frozenset()], ids=repr)
def test_a_key_that_is_not_a_string_is_an_error(model, key, both_paths):
    assert load_error(model, {**sample(model), key: "x"}) == {"_schema": [f"Payload keys must be strings; got {key!r} ({type(key).__name__})."]}


@pytest.mark.parametrize("model", TOP_LEVEL, ids=model_id)
def test_a_key_that_is_not_a_string_inside_a_nested_model_is_reported_there(model, both_paths):
    payload = sample(model)
    for site in sites(model, payload):
        if isinstance(site.field, fields.Nested) and isinstance(site.value, list) and site.value and isinstance(site.value[0], dict):
            path = site.path + (0,)
            messages = load_error(model, put(payload, path + (1,), "x"))
            assert messages == error_at(path, {"_schema": ["Payload keys must be strings; got 1 (int)."]})


# -- aliasing and mutation ------------------------------------------------------------------------


def _mutate_everything(value, seen=None):
    """Change every list and dictionary reachable from ``value`` (models included) in place."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, BaseModel):
        for key, item in list(value._payload_items().items()):
            _mutate_everything(item, seen)
        value["__mutated__"] = True
    elif isinstance(value, dict):
        for item in list(value.values()):
            _mutate_everything(item, seen)
        value["__mutated__"] = True
    elif isinstance(value, list):
        for item in value:
            _mutate_everything(item, seen)
        value.append("__mutated__")


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_the_payload_the_model_and_to_dict_share_nothing(model, both_paths):
    payload = {**sample(model), "extra": {"nested": [1, {"deeper": [2, 3]}], "more": [[4]]}}
    original = copy.deepcopy(payload)

    loaded = model.from_dict(payload)
    expected = loaded.to_dict()
    _mutate_everything(payload)  # the input changes
    assert loaded.to_dict() == expected

    dumped = loaded.to_dict()
    _mutate_everything(dumped)  # the output changes
    assert loaded.to_dict() == expected

    payload = copy.deepcopy(original)
    loaded = model.from_dict(payload)
    dumped = loaded.to_dict()
    _mutate_everything(loaded)  # the model changes
    assert payload == original and dumped == expected


# -- copies ---------------------------------------------------------------------------------------


class _Forbidden(AssertionError):
    pass


@pytest.fixture
def nothing_runs_again(monkeypatch):
    """Make validation, building and unit conversion fail if anything calls them."""
    from qiskit_models.providers.models import _units
    from qiskit_models.validation import _binding

    def forbid(*args, **kwargs):
        raise _Forbidden("ran again during a copy")

    def activate():
        for owner, name in ((_binding.Binding, "check"), (_binding.Binding, "load"), (_binding.Binding, "build"),
                            (_units.WireUnits, "_store_converted"), (_units, "to_si")):
            monkeypatch.setattr(owner, name, forbid)

    return activate


def _copies(obj):
    yield copy.copy(obj)
    yield copy.deepcopy(obj)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        yield pickle.loads(pickle.dumps(obj, protocol))


def _variants(model):
    payload = {**sample(model), "a-b": [1], "_data": {"x": [2]}, "extra": {"y": 3}}
    loaded = model.from_dict(payload)
    unchecked = model(**{**built_kwargs(model, payload), "unchecked": object.__name__}, validate=False)
    garbage = model(**{key: ["not", "valid"] for key in built_kwargs(model, payload)}, validate=False) if model.__init__.__qm_plain__ else None
    changed = model.from_dict(payload)
    for name, field in model.schema.fields.items():
        if not field.required and (field.data_key or name) in payload:
            del changed[field.data_key or name]
            break
    changed["added_later"] = {"z": [4]}
    changed.__dict__.setdefault("_private_cache", "not data")
    return [obj for obj in (loaded, unchecked, garbage, changed) if obj is not None]


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_copies_are_equal_keep_extras_and_run_nothing_again(model, nothing_runs_again):
    variants = _variants(model)
    nothing_runs_again()
    for obj in variants:
        state = {key: value for key, value in obj.__dict__.items()}
        for clone in _copies(obj):
            assert type(clone) is model and clone == obj
            assert clone["a-b"] == obj["a-b"] and clone["_data"] == obj["_data"] if "a-b" in obj else True
            assert clone.__dict__.keys() == state.keys()
            for key, value in state.items():
                if isinstance(value, float) or key == "_qm_wire":
                    assert clone.__dict__[key] == value  # converted values are not converted again
        for clone in (copy.deepcopy(obj), pickle.loads(pickle.dumps(obj))):
            _mutate_everything(clone)
            assert obj.__dict__.keys() == state.keys()


@pytest.mark.parametrize("model", [PulseBackendConfiguration, PulseDefaults], ids=model_id)
def test_copies_of_converted_values_write_the_same_payload(model):
    payload = sample(model)
    loaded = model.from_dict(payload)
    for clone in _copies(loaded):
        assert payload_differences(payload, clone.to_dict()) == []


# -- deep or huge input ----------------------------------------------------------------------------

DEPTH = 100_000


def _deep_list(depth, leaf=1):
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def _deep_dict(depth):
    value = {}
    for _ in range(depth):
        value = {"a": value}
    return value


#: Built once: loading never changes (nor copies) them.
DEEP_LIST = _deep_list(DEPTH)
DEEP_DICT = _deep_dict(DEPTH)


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_an_unknown_key_nested_very_deeply(model, both_paths):
    """Pass-through values may nest 100 levels; deeper is a ModelValidationError on every path."""
    payload = sample(model)
    at_limit = {**payload, "x": _deep_list(MAX_DEPTH), "y": _deep_dict(MAX_DEPTH - 1)}
    loaded, _ = round_trips(model, at_limit)
    assert copy.deepcopy(loaded) == loaded and pickle.loads(pickle.dumps(loaded)) == loaded
    message = [f"Value is nested more than {MAX_DEPTH} levels deep."]
    for deep in (_deep_list(MAX_DEPTH + 1), DEEP_LIST, DEEP_DICT):
        assert load_error(model, {**payload, "x": deep}) == {"x": message}
        assert construct_error(model, {**built_kwargs(model, payload), "x": deep}) == {"x": message}


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_declared_structures_nested_very_deeply(model, both_paths):
    """Every declared field given a 100 000-deep list: a ModelValidationError, never a RecursionError."""
    payload = sample(model)
    kwargs = built_kwargs(model, payload)
    for name, field in model.schema.fields.items():
        key = field.data_key or name
        for deep in (DEEP_LIST, DEEP_DICT):
            messages = load_error(model, {**payload, key: deep})
            assert error_paths(messages)[0][:1] == (key,)
            messages = construct_error(model, {**kwargs, field.attribute or name: deep})
            assert list(messages) == [key]


@pytest.mark.parametrize("model", TOP_LEVEL, ids=model_id)
def test_deep_nesting_at_every_declared_place_of_the_tree(model, both_paths):
    payload = sample(model)
    shapes = set()
    for site in sites(model, payload):
        shape = tuple(part if isinstance(part, str) else 0 for part in site.path)
        if isinstance(site.value, (list, dict)) and shape not in shapes:  # one place of each shape
            shapes.add(shape)
            messages = load_error(model, put(payload, site.path, DEEP_LIST))
            assert error_paths(messages)[0][: len(site.path)] == site.path


@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_to_dict_of_attributes_made_deep_after_construction(model, both_paths):
    payload = sample(model)
    for name, field in model.schema.fields.items():
        loaded = model.from_dict(payload)
        loaded.__dict__[field.attribute or name] = DEEP_LIST
        with pytest.raises(ModelValidationError):
            loaded.to_dict()
    loaded = model.from_dict(payload)
    loaded["made_deep"] = DEEP_LIST
    with pytest.raises(ModelValidationError) as caught:
        loaded.to_dict()
    assert caught.value.messages == {"_schema": ["Value is nested too deeply."]}


def test_the_properties_example_nested_very_deeply(both_paths):
    payload = sample(BackendProperties)
    for key in ("qubits", "gates", "general"):
        assert isinstance(load_error(BackendProperties, {**payload, key: DEEP_LIST}), dict)
    assert load_error(BackendProperties, {**payload, "qubits": DEEP_LIST}) == {"qubits": {0: {0: {"_schema": INVALID_INPUT}}}}


def test_a_recursion_error_while_loading_is_a_validation_error(monkeypatch):
    """Whatever recursion a plugin's field causes, from_dict reports it as ModelValidationError."""
    from qiskit_models.validation import BaseSchema, bind_schema

    class RecursiveField(fields.Raw):
        def _deserialize(self, value, attr, data, **kwargs):
            return self._deserialize(value, attr, data, **kwargs)

    class RecursiveSchema(BaseSchema):
        x = RecursiveField()

    @bind_schema(RecursiveSchema)
    class Recursive(BaseModel):
        pass

    for fast in (True, False):
        from qiskit_models.validation import set_fast_path

        previous = set_fast_path(fast)
        try:
            assert load_error(Recursive, {"x": 1}) == {"_schema": ["Payload is nested too deeply."]}
        finally:
            set_fast_path(previous)


# -- sizes and memory -------------------------------------------------------------------------------


def _memory_ratio(load, text):
    """Peak memory traced while ``load`` runs, over the size of the JSON text it loads."""
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    try:
        result = load()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak / len(text)


def _big_properties(size):
    import json

    payload = sample(BackendProperties)
    one = json.dumps(payload["qubits"][0])
    payload["qubits"] = [copy.deepcopy(payload["qubits"][0]) for _ in range(max(1, size // len(one)))]
    return payload, json.dumps(payload)


def _big_unknown(size):
    import json

    payload = {**sample(JobStatus), "blob": [{"k": i, "v": [i, str(i)]} for i in range(max(1, size // 30))]}
    return payload, json.dumps(payload)


#: Memory traced while loading, per byte of JSON text, is below this (measured: about 4 to 9,
#: the parsed payload alone is about 4 to 8 bytes per byte of text).
MEMORY_BOUND = 20


def _check_size(size, both):
    import json

    results = {}
    for name, (payload, text) in (("properties", _big_properties(size)), ("unknown key", _big_unknown(size))):
        model = BackendProperties if name == "properties" else JobStatus
        parsed, parse_ratio = _memory_ratio(lambda: json.loads(text), text)
        loaded, load_ratio = _memory_ratio(lambda: model.from_dict(parsed), text)
        assert type(loaded) is model
        dumped, dump_ratio = _memory_ratio(loaded.to_dict, text)
        assert payloads_equal(parsed, dumped)
        results[name] = (len(text), round(parse_ratio, 2), round(load_ratio, 2), round(dump_ratio, 2))
        assert load_ratio < MEMORY_BOUND and dump_ratio < MEMORY_BOUND, results
        parsed = loaded = dumped = None  # free the large objects before the next size
    string = "q" * (10 * 2**20)
    status = {**sample(JobStatus), "status_msg": string}
    loaded, ratio = _memory_ratio(lambda: JobStatus.from_dict(status), string)
    assert loaded.status_msg is string and ratio < 0.1  # the string is not copied
    results["10 MB string"] = (len(string), round(ratio, 4))
    sys.stdout.write(f"\nmemory per byte of JSON text (size, json.loads, from_dict, to_dict): {results}\n")
    return results


def test_large_payloads_load_with_memory_proportional_to_their_size(both_paths):
    """A 1 MB payload of each shape (the 50 MB run is marked slow)."""
    _check_size(2**20, both_paths)


@pytest.mark.slow
def test_fifty_megabyte_payloads(both_paths):
    _check_size(50 * 2**20, both_paths)


@cases({fields.String}, when=lambda field: not field.validators)
def test_long_and_odd_strings_in_declared_fields(model, site, both_paths):
    for text in ("x" * (10 * 2**20), "\ud800\udfff", "\x00\n\t\u202e", "é\u0301" * 100, "\U0001f600" * 1000, "", " "):
        loaded, dumped = round_trips(model, put(sample(model), site.path, text))
        assert get_at(dumped, site.path) is text or get_at(dumped, site.path) == text
