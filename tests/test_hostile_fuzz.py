"""Fuzzing: real payloads mutated at random, and the construct path against the load path.

``test_mutated_payloads_load_exactly_or_fail_cleanly`` takes a real payload of
every top-level model and applies one to four random mutations anywhere in it:
drop a key, change a value's type, put ``null``, NaN or infinity, a huge
integer, a long or odd Unicode string, or add an extra key (colliding names
included) at any depth.  Every outcome must be a ``ModelValidationError`` with
messages (the input unchanged), or a model whose ``to_dict`` gives the mutated
payload back exactly and loads again to an equal model; the compiled fast path
and marshmallow's own machinery must agree on it.

``test_construct_and_load_accept_and_reject_the_same_values`` puts random values
in the fields of every model (nested ones included) and checks that
``Model(**kwargs)`` and ``Model.from_dict`` agree.  Fields whose payload form
differs from what the constructor takes (nested models, date-times, complex
numbers) are covered by ``test_hostile.py`` on both paths instead.

Budget: the hypothesis profile's ``max_examples`` per model (``ci``: 100, so 600
mutated payloads and 100 x 16 differential examples); ``HYPOTHESIS_PROFILE=deep``
runs 20 000 per test.
"""

from __future__ import annotations

import copy
import os
import math
from typing import Any, List, Tuple

import numpy
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from hostile import MODELS, TOP_LEVEL, _converts, built_kwargs, model_id, sample, sites
from qiskit_models import ModelValidationError
from qiskit_models.compare import payload_differences
from qiskit_models.validation import set_fast_path
from strategies import any_values, extra_keys, json_values

_Path = Tuple[Any, ...]

ODD_TEXT = st.one_of(
    st.text(min_size=1000, max_size=5000),
    st.sampled_from(["\ud800", "\udfff\ud800", "\x00", "\u202e\u202d", "e\u0301", "\U0001f600" * 50, "\ufeff", "\u2028", "ü" * 10000, " DONE", "done"]),
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=30),
)
SPECIAL_NUMBERS = st.sampled_from(
    [math.nan, math.inf, -math.inf, 10**30, -(2**63), 2**1024, 10**400, -0.0, 5e-324, 1.7976931348623157e308, 2**53 + 1]
)
REPLACEMENTS = st.one_of(
    st.none(), SPECIAL_NUMBERS, ODD_TEXT, json_values,
    st.sampled_from([True, False, 0, -1, 1, 2.5, "", [], {}, [0, 1], [[0.5, -0.5]], {"a": 1}, "2021-06-01T08:30:00Z", "1.2.3"]),
)


def places(value: Any, path: _Path = ()) -> List[_Path]:
    """Every path of a JSON document (the root included)."""
    found = [path]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found.extend(places(item, path + (key,)))
    return found


def _parent(payload: Any, path: _Path) -> Any:
    for key in path:
        if isinstance(payload, dict) and key in payload or isinstance(payload, list) and type(key) is int and key < len(payload):
            payload = payload[key]
        else:
            return None
    return payload


@st.composite
def mutated(draw, model):
    payload = sample(model)
    paths = places(payload)
    applied = []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(["drop", "null", "retype", "retype", "extra"]))
        if how == "extra":
            target = _parent(payload, path)
            if isinstance(target, dict):
                key = draw(extra_keys)
                target[key] = draw(REPLACEMENTS)
                applied.append((path, "extra", key))
            continue
        if not path:
            continue
        parent = _parent(payload, path[:-1])
        key = path[-1]
        if isinstance(parent, dict) and key in parent or isinstance(parent, list) and type(key) is int and key < len(parent):
            if how == "drop":
                if isinstance(parent, dict):
                    del parent[key]
                else:
                    parent.pop(key)
            else:
                parent[key] = None if how == "null" else draw(REPLACEMENTS)
            applied.append((path, how))
    return payload, applied


def _verdict(model: Any, payload: Any) -> Tuple[str, Any]:
    before = copy.deepcopy(payload)
    try:
        loaded = model.from_dict(payload)
    except ModelValidationError as error:
        assert error.errors(), "an error without messages"
        assert payload_differences(before, payload) == [], "from_dict changed its input"
        return ("error", error.messages)
    assert payload_differences(before, payload) == [], "from_dict changed its input"
    assert type(loaded) is model
    dumped = loaded.to_dict()
    assert payload_differences(payload, dumped) == []
    assert model.from_dict(dumped) == loaded
    return ("ok", dumped)


#: How many mutated payloads ran, and how many loaded (the rest failed cleanly), per model.
COUNTS: dict = {}


def fuzz(model: Any, examples: int) -> None:
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
    @given(mutated(model))
    def check(case) -> None:
        payload, applied = case
        previous = set_fast_path(True)
        try:
            fast = _verdict(model, payload)
            set_fast_path(False)
            reference = _verdict(model, payload)
        finally:
            set_fast_path(previous)
        assert fast[0] == reference[0], applied
        if fast[0] == "error":
            assert fast[1] == reference[1], applied
        else:
            assert payload_differences(fast[1], reference[1]) == []
        counts = COUNTS.setdefault(model.__name__, {"ok": 0, "error": 0})
        counts[fast[0]] += 1

    check()


@pytest.mark.parametrize("model", TOP_LEVEL, ids=model_id)
def test_mutated_payloads_load_exactly_or_fail_cleanly(model):
    fuzz(model, settings.default.max_examples)
    counts = COUNTS[model.__name__]
    assert counts["error"] > 0


def _direct_sites(model):
    """Fields whose payload value is also the constructor's argument, and their places (list items too)."""
    payload = sample(model)
    found = []
    for site in sites(model, payload, deep=False):
        top = model.schema.fields.get(site.path[0]) if isinstance(site.path[0], str) else None
        if top is None or _converts(top):
            continue
        found.append(site.path)
    for name, field in model.schema.fields.items():
        key = field.data_key or name
        if key not in payload and not _converts(field):
            found.append((key,))  # an optional field the sample does not have
    return payload, found


DIRECT = {model: _direct_sites(model) for model in MODELS}
VALUES = st.one_of(any_values, SPECIAL_NUMBERS, st.sampled_from([numpy.int64(3), numpy.float32(0.5), numpy.bool_(False), -1, 0, 2.5]))


def _outcome(function):
    try:
        return ("ok", function())
    except ModelValidationError as error:
        return ("error", error.messages)


@pytest.mark.parametrize("model", [model for model in MODELS if DIRECT[model][1]], ids=model_id)
def test_construct_and_load_accept_and_reject_the_same_values(model, both_paths):
    payload, paths = DIRECT[model]
    kwargs = built_kwargs(model, payload)

    @settings(suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(paths), VALUES)
    def check(path, value) -> None:
        changed = copy.deepcopy(payload)
        arguments = dict(kwargs)
        if len(path) == 1:
            changed[path[0]] = value
            arguments[path[0]] = value
        else:
            target = changed
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
            arguments[path[0]] = changed[path[0]]
        loaded = _outcome(lambda: model.from_dict(changed))
        constructed = _outcome(lambda: model(**arguments))
        assert loaded[0] == constructed[0], (path, value, loaded, constructed)
        if loaded[0] == "error":
            assert list(loaded[1]) == list(constructed[1]) == [path[0]]
        else:
            # the constructor keeps a tuple or a numpy number as given, loading makes a list or a
            # built-in number of it: both write the same payload
            assert payload_differences(constructed[1].to_dict(), loaded[1].to_dict()) == []

    check()


@pytest.mark.slow
@pytest.mark.parametrize("model", TOP_LEVEL, ids=model_id)
def test_long_fuzzing_run(model):
    """The long budget, run with ``pytest -m slow``: 10 000 mutated payloads per model (``QISKIT_MODELS_LONG_FUZZ``)."""
    COUNTS.pop(model.__name__, None)
    fuzz(model, int(os.environ.get("QISKIT_MODELS_LONG_FUZZ", "10000")))
    print(f"\n{model.__name__}: {COUNTS[model.__name__]}")
