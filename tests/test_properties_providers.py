"""Property-based tests: real payloads, mutated.

Each example takes a small corpus file, applies one to three mutations at
random places (drop a key, null a value, put a value of another type) and loads
the result with the model of the original file's kind.  Every outcome must be
either ``ModelValidationError`` or a model whose ``to_dict`` gives the mutated
payload back exactly and loads again to an equal model.  Any other exception,
any difference, or a changed input fails.

Budget: half the hypothesis profile's ``max_examples`` per test and path
(``HYPOTHESIS_PROFILE=ci``: 50 x 3 kinds x 2 paths = 300 examples).
"""

from __future__ import annotations

import copy
from typing import Any, List, Tuple

import pytest
from hypothesis import given, settings, strategies as st

from conftest import CORPUS, load_json
from qiskit_models import ModelValidationError
from qiskit_models.compare import payload_differences
from qiskit_models.kinds import detect_model
from strategies import json_values

FILES = {
    "backend_properties": ["backend_properties/armonk.json", "backend_properties/schema_example.json"],
    "backend_configuration": [
        "backend_configuration/armonk.json",
        "backend_configuration/burlington.json",
        "backend_configuration/schema_example_openpulse.json",
        "backend_configuration/schema_example_openqasm_simulator.json",
    ],
    "pulse_defaults": ["pulse_defaults/armonk.json", "pulse_defaults/schema_example.json"],
}

_Path = Tuple[Any, ...]

#: Replacement values: one of each JSON type, edge values, and any JSON document.
replacements = st.one_of(
    st.sampled_from(
        ["text", "", 0, -1, 1, 2.5, -0.5, 1e300, True, False, [], {}, [0, 1], [[0, 1]], [0.5, -0.5], {"a": 1},
         "2020-01-01T00:00:00Z", "1.2.3"]
    ),
    json_values,
)


def paths_of(value: Any, path: _Path = ()) -> List[_Path]:
    """Every path below the root of a JSON document."""
    found: List[_Path] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found.append(path + (key,))
        found.extend(paths_of(item, path + (key,)))
    return found


_cache = {}


def original(name: str):
    if name not in _cache:
        payload = load_json(CORPUS / name)
        _cache[name] = (payload, paths_of(payload), detect_model(payload))
    return _cache[name]


def mutate(payload: Any, path: _Path, how: str, value: Any) -> bool:
    """Apply one mutation in place; return whether it applied."""
    parent = payload
    for key in path[:-1]:
        if not _has(parent, key):
            return False  # an earlier mutation removed the place
        parent = parent[key]
    key = path[-1]
    if not _has(parent, key) or (how == "drop" and not isinstance(parent, dict)):
        return False
    if how == "drop":
        del parent[key]
    else:
        parent[key] = None if how == "null" else value
    return True


def _has(parent: Any, key: Any) -> bool:
    if isinstance(parent, dict):
        return key in parent
    return isinstance(parent, list) and type(key) is int and key < len(parent)


@st.composite
def mutated_payloads(draw, kind: str):
    name = draw(st.sampled_from(FILES[kind]))
    payload, paths, model = original(name)
    mutated = copy.deepcopy(payload)
    applied = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(["drop", "null", "retype"]))
        value = draw(replacements) if how == "retype" else None
        if mutate(mutated, path, how, value):
            applied.append((path, how, value))
    return name, model, mutated, applied


@pytest.mark.parametrize("kind", sorted(FILES))
def test_mutated_real_payloads_load_exactly_or_fail_cleanly(kind, both_paths):
    @settings(max_examples=max(10, settings.default.max_examples // 2))
    @given(mutated_payloads(kind))
    def check(case) -> None:
        name, model, payload, applied = case
        before = copy.deepcopy(payload)
        try:
            loaded = model.from_dict(payload)
        except ModelValidationError as error:
            assert error.errors(), f"{name} {applied}: an error without messages"
            assert payload == before
            return
        assert payload == before, "from_dict changed its input"
        assert type(loaded) is model
        dumped = loaded.to_dict()
        assert payload_differences(payload, dumped) == [], f"{name} {applied}"
        assert model.from_dict(dumped) == loaded

    check()


def test_mutations_do_reach_both_outcomes():
    """The strategy produces loads and failures (so the property is not vacuous)."""
    payload, paths, model = original("backend_configuration/schema_example_openpulse.json")
    nulled_hamiltonian = copy.deepcopy(payload)
    assert mutate(nulled_hamiltonian, ("hamiltonian",), "null", None)
    assert model.from_dict(nulled_hamiltonian).to_dict()["hamiltonian"] is None
    dropped_dt = copy.deepcopy(payload)
    assert mutate(dropped_dt, ("dt",), "drop", None)
    with pytest.raises(ModelValidationError):
        model.from_dict(dropped_dt)
    assert ("u_channel_lo", 0, 0, "scale") in paths


def _outcome(function):
    try:
        return ("ok", function())
    except ModelValidationError as error:
        return ("error", error.messages)


@pytest.mark.parametrize("field", ["dt", "dtm", "rep_times", "qubit_lo_range", "n_uchannels", "hamiltonian"])
def test_construct_and_load_agree_on_any_value(field, both_paths):
    from qiskit_models import PulseBackendConfiguration
    from strategies import any_values

    payload, _, _ = original("backend_configuration/schema_example_openpulse.json")
    loaded = PulseBackendConfiguration.from_dict(payload)
    built = {"gates": loaded.gates, "u_channel_lo": loaded.u_channel_lo}

    @settings(max_examples=max(10, settings.default.max_examples // 5))
    @given(any_values)
    def check(value) -> None:
        data = {**payload, field: value}
        constructed = _outcome(lambda: PulseBackendConfiguration(**{**data, **built}))
        from_payload = _outcome(lambda: PulseBackendConfiguration.from_dict(data))
        assert constructed[0] == from_payload[0], (value, constructed, from_payload)
        if constructed[0] == "error":
            assert list(constructed[1]) == list(from_payload[1]) == [field]
        else:
            assert constructed[1] == from_payload[1]

    check()
