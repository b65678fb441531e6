"""Pass-through values: the depth limit and the JSON writer."""

from __future__ import annotations

import pytest
from marshmallow import ValidationError

from qiskit_models.validation._values import MAX_DEPTH, check_depth, copy_value, to_json


def nested(depth: int, kinds=(list, dict, tuple)) -> object:
    """A value whose containers nest exactly ``depth`` levels, cycling through ``kinds``."""
    value: object = 1
    for level in range(depth):
        kind = kinds[level % len(kinds)]
        value = {"k": value} if kind is dict else kind([value, "x"])
    return value


@pytest.mark.parametrize("walk", [check_depth, copy_value])
@pytest.mark.parametrize("kinds", [(list,), (dict,), (tuple,), (list, dict, tuple)])
def test_depth_limit_is_exact(kinds, walk):
    value = nested(MAX_DEPTH, kinds)
    walk(value)
    with pytest.raises(ValidationError) as error:
        walk(nested(MAX_DEPTH + 1, kinds))
    assert error.value.messages == [f"Value is nested more than {MAX_DEPTH} levels deep."]
    if walk is copy_value:
        assert copy_value(value) == value


@pytest.mark.parametrize("walk", [check_depth, copy_value])
def test_a_deep_branch_beside_shallow_ones_is_found(walk):
    """The depth of the deepest branch counts, wherever it is."""
    walk({"a": [1, 2], "b": {"c": nested(MAX_DEPTH - 2)}})
    with pytest.raises(ValidationError):
        walk({"a": [1, 2], "b": {"c": nested(MAX_DEPTH - 1)}, "d": 3})


def test_wide_values_and_scalars_pass():
    check_depth({"channels": {f"d{i}": {"operates": {"qubits": [i]}, "purpose": "drive"} for i in range(500)}})
    for scalar in (None, 1, 2.5, "text", True, b"bytes"):
        check_depth(scalar)


@pytest.mark.parametrize("walk", [check_depth, copy_value])
def test_very_deep_value_is_rejected_without_recursion(walk):
    value: list = []
    inner = value
    for _ in range(100_000):
        inner.append([])
        inner = inner[0]
    with pytest.raises(ValidationError):
        walk(value)


def test_to_json_copies_containers_and_keeps_scalars():
    value = {"a": [1, 2.5, "x", None, True, (3, 4)], "b": {"c": {}}}
    result = to_json(value)
    assert result == {"a": [1, 2.5, "x", None, True, [3, 4]], "b": {"c": {}}}
    assert result is not value and result["a"] is not value["a"] and result["b"]["c"] is not value["b"]["c"]


def test_to_json_names_the_path_of_a_value_it_cannot_write():
    with pytest.raises(ValidationError) as error:
        to_json({"a": [1, {"b": object()}]})
    assert error.value.messages == {"a": {1: {"b": ["Value of type object cannot be written as JSON."]}}}


def _shared_objects():
    import array

    import numpy

    return [numpy.array([1, 2]), bytearray(b"x"), memoryview(b"y"), array.array("i", [1]), {1, 2}, 2j, b"z"]


@pytest.mark.parametrize("index", range(7))
def test_copy_value_shares_every_object_that_is_not_a_list_dict_or_tuple(index):
    """Only lists, dicts and tuples are copied: a buffer object (numpy array, bytearray) stays itself."""
    obj = _shared_objects()[index]
    value = {"outer": [1, {"inner": (obj, "s")}], "key": obj}
    copy = copy_value(value)
    assert copy["outer"][1]["inner"][0] is obj and copy["key"] is obj
    assert copy is not value and copy["outer"] is not value["outer"]
    assert copy["outer"][1] is not value["outer"][1] and type(copy["outer"][1]["inner"]) is tuple


def test_copy_value_keeps_a_buffer_object_used_as_a_key():
    key = memoryview(b"k")
    copy = copy_value([{key: 1}])
    assert list(copy[0]) == [key] and next(iter(copy[0])) is key


def test_copy_value_of_plain_data_is_equal_with_new_containers():
    value = {"a": [1, 2.5, "x", None, True, (3, [4])], "b": {1: {}}, "c": float("nan")}
    copy = copy_value(value)
    assert copy["a"] == value["a"] and copy["b"] == value["b"] and copy["c"] != copy["c"]
    assert copy["a"] is not value["a"] and copy["a"][5][1] is not value["a"][5][1] and copy["b"][1] is not value["b"][1]
    assert type(copy["a"][5]) is tuple


def test_a_numpy_array_in_an_unknown_key_survives_from_dict():
    import numpy

    from qiskit_models import JobStatus

    array = numpy.array([1.5, 2.5])
    job = JobStatus.from_dict({"job_id": "j", "status": "DONE", "status_msg": "m", "blob": [array, {"a": array}]})
    assert job.blob[0] is array and job.blob[1]["a"] is array
    assert job.to_dict()["blob"] == [[1.5, 2.5], {"a": [1.5, 2.5]}]


def _same_structure(copy, value):
    """``copy`` has new lists, dicts and tuples and shares every other object of ``value``."""
    if type(value) in (list, tuple):
        # a tuple that holds no container may be shared: nothing in it can change
        shareable = type(value) is tuple and not any(type(item) in (list, tuple, dict) for item in value)
        assert type(copy) is type(value) and (copy is not value or shareable) and len(copy) == len(value)
        for a, b in zip(copy, value):
            _same_structure(a, b)
    elif type(value) is dict:
        assert type(copy) is dict and copy is not value and list(copy) == list(value)
        for key in value:
            _same_structure(copy[key], value[key])
    elif type(value) in (str, int, float, bool, type(None)):
        assert type(copy) is type(value) and (copy == value or copy != copy and value != value)
    else:
        assert copy is value


from hypothesis import given, strategies as st  # noqa: E402

_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5),
    st.sampled_from([bytearray(b"a"), memoryview(b"m"), frozenset({1}), 1j, b"b"]),
)
_values = st.recursive(
    _leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.one_of(st.text(max_size=3), st.integers()), inner, max_size=4),
    ),
    max_leaves=20,
)


@given(_values)
def test_copy_value_copies_containers_and_shares_everything_else(value):
    _same_structure(copy_value([value]), [value])


def test_dict_and_list_subclasses_are_copied_into_plain_containers():
    """json.loads(..., object_pairs_hook=OrderedDict) gives OrderedDicts: they are dictionaries too."""
    from collections import OrderedDict, defaultdict

    class Items(list):
        pass

    inner = [1, 2]
    value = OrderedDict(a=inner, b=defaultdict(list, c=Items([3, {"d": 4}])))
    copy = copy_value(value)
    assert copy == {"a": [1, 2], "b": {"c": [3, {"d": 4}]}}
    assert [type(copy), type(copy["b"]), type(copy["b"]["c"])] == [dict, dict, list]
    assert copy["a"] is not inner and copy["b"]["c"][1] is not value["b"]["c"][1]
    assert list(copy) == ["a", "b"]


@pytest.mark.parametrize("walk", [check_depth, copy_value])
def test_deep_dict_subclasses_are_rejected(walk):
    from collections import OrderedDict

    value = OrderedDict()
    inner = value
    for _ in range(MAX_DEPTH):
        inner["k"] = OrderedDict()
        inner = inner["k"]
    with pytest.raises(ValidationError):
        walk(value)


def test_to_json_writes_list_subclasses_and_named_tuples_as_lists():
    from collections import namedtuple

    Pair = namedtuple("Pair", "re im")

    class Items(list):
        pass

    assert to_json({"a": Items([1, Pair(0.5, -0.5)])}) == {"a": [1, [0.5, -0.5]]}
