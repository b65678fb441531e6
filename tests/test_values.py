"""Pass-through values: the depth limit and the JSON writer."""

from __future__ import annotations

import pytest
from marshmallow import ValidationError

from qiskit_models.validation._values import MAX_DEPTH, check_depth, to_json


def nested(depth: int, kinds=(list, dict, tuple)) -> object:
    """A value whose containers nest exactly ``depth`` levels, cycling through ``kinds``."""
    value: object = 1
    for level in range(depth):
        kind = kinds[level % len(kinds)]
        value = {"k": value} if kind is dict else kind([value, "x"])
    return value


@pytest.mark.parametrize("kinds", [(list,), (dict,), (tuple,), (list, dict, tuple)])
def test_depth_limit_is_exact(kinds):
    check_depth(nested(MAX_DEPTH, kinds))
    with pytest.raises(ValidationError) as error:
        check_depth(nested(MAX_DEPTH + 1, kinds))
    assert error.value.messages == [f"Value is nested more than {MAX_DEPTH} levels deep."]


def test_wide_values_and_scalars_pass():
    check_depth({"channels": {f"d{i}": {"operates": {"qubits": [i]}, "purpose": "drive"} for i in range(500)}})
    for scalar in (None, 1, 2.5, "text", True, b"bytes"):
        check_depth(scalar)


def test_very_deep_value_is_rejected_without_recursion():
    value: list = []
    inner = value
    for _ in range(100_000):
        inner.append([])
        inner = inner[0]
    with pytest.raises(ValidationError):
        check_depth(value)


def test_to_json_copies_containers_and_keeps_scalars():
    value = {"a": [1, 2.5, "x", None, True, (3, 4)], "b": {"c": {}}}
    result = to_json(value)
    assert result == {"a": [1, 2.5, "x", None, True, [3, 4]], "b": {"c": {}}}
    assert result is not value and result["a"] is not value["a"] and result["b"]["c"] is not value["b"]["c"]


def test_to_json_names_the_path_of_a_value_it_cannot_write():
    with pytest.raises(ValidationError) as error:
        to_json({"a": [1, {"b": object()}]})
    assert error.value.messages == {"a": {1: {"b": ["Value of type object cannot be written as JSON."]}}}
