"""The compiled fast paths and marshmallow's own machinery give the same results.

Every case runs twice, once with the fast paths on and once off, and compares
everything observable: the class and payload of a loaded object, its dump, and
the exact error messages.
"""

from __future__ import annotations

import datetime
from typing import Any, Callable, Dict

import pytest
from hypothesis import given, strategies as st

from conftest import CORPUS, is_legacy_shape, load_json
from qiskit_models.compare import payloads_equal
from qiskit_models.kinds import KINDS, detect_model
from qiskit_models.validation import ModelValidationError, set_fast_path
from qiskit_models.validation._binding import binding_for
from strategies import any_values, extra_keys, json_values
from zoo import Leaf, OtherLeaf, Tree


def run(function: Callable[[], Any], fast: bool) -> Any:
    previous = set_fast_path(fast)
    try:
        return ("ok", function())
    except ModelValidationError as error:
        return ("error", error.messages)
    finally:
        set_fast_path(previous)


def dump(obj: Any, fast: bool) -> Any:
    return run(obj.to_dict, fast)


def assert_same(make: Callable[[], Any]) -> Any:
    """Run ``make`` on both paths and check that everything observable agrees."""
    fast, reference = run(make, True), run(make, False)
    assert fast[0] == reference[0], (fast, reference)
    if fast[0] == "error":
        assert fast[1] == reference[1]
        return None
    assert type(fast[1]) is type(reference[1])
    assert fast[1] == reference[1]
    assert repr(fast[1]) == repr(reference[1])
    dumps = [dump(fast[1], True), dump(fast[1], False), dump(reference[1], True), dump(reference[1], False)]
    assert all(item[0] == dumps[0][0] for item in dumps)
    if dumps[0][0] == "ok":
        assert all(payloads_equal(dumps[0][1], item[1]) for item in dumps)
        assert all(list(dumps[0][1]) == list(item[1]) for item in dumps)  # same key order
    else:
        assert all(item[1] == dumps[0][1] for item in dumps)
    return fast[1]


def leaf_values() -> Dict[str, st.SearchStrategy]:
    """Strategies of valid values, per payload key of ``LeafSchema``."""
    complex_pair = st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=2, max_size=2)
    return {
        "name": st.text(min_size=1, max_size=5),
        "count": st.integers(min_value=0, max_value=100),
        "ratio": st.floats(),
        "value": st.floats(min_value=-1, max_value=1, exclude_min=True),
        "flag": st.booleans(),
        "when": st.sampled_from(["2021-06-01T08:30:00Z", "2021-06-01 08:30:00+02:00", "2021-6-1T8:30"]),
        "day": st.sampled_from(["2021-06-01", "2021-6-1"]),
        "z": complex_pair,
        "raw": json_values.filter(lambda value: value is not None),
        "tags": st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
        "matrix": st.lists(st.lists(st.integers(), max_size=3), max_size=3),
        "mail": st.one_of(st.none(), st.just("a@b.org")),
        "site": st.just("https://quantum.example.org/x"),
        "mapping": st.dictionaries(st.text(max_size=3), json_values, max_size=3),
        "typed_map": st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
        "either": st.one_of(st.integers(), st.text(max_size=3)),
        "param": st.one_of(st.integers(), st.floats(allow_nan=False), st.lists(st.integers(), max_size=3)),
        "code": st.from_regex(r"\A[a-z]{1,4}\Z"),
        "three": st.just(3),
        "custom": st.text(max_size=3).filter(lambda text: text != "bad"),
        "defaulted": st.integers(),
        "keyed-key": st.text(max_size=3),
        "samples": st.lists(complex_pair, max_size=4),
        "stamps": st.lists(st.sampled_from(["2021-06-01T08:30:00Z", "2021-06-01T08:30:00.250+05:30"]), max_size=3),
    }


INVALID_EXAMPLES = st.one_of(
    any_values,
    st.sampled_from(["nope", "2021-13-01", "ABC", 4, "bad", "x", -1, 101, float("nan"), [[1, 2, 3]], ["d"], [["a", "b"]]]),
)


@st.composite
def leaf_payloads(draw: Any) -> Dict[str, Any]:
    """Mostly valid payloads: every key valid, or present, except zero to two corrupted ones."""
    values = leaf_values()
    payload = {key: draw(strategy) for key, strategy in values.items() if key == "name" or draw(st.booleans())}
    if draw(st.sampled_from([False, False, False, True])):
        for key in draw(st.lists(st.sampled_from(sorted(values, reverse=True)), min_size=1, max_size=2)):
            payload[key] = draw(INVALID_EXAMPLES)
    payload.update(draw(st.dictionaries(extra_keys.filter(lambda key: key not in values), json_values, max_size=3)))
    if draw(st.sampled_from([False] * 19 + [True])):
        payload.pop("name", None)
    return payload


@st.composite
def tree_payloads(draw: Any) -> Dict[str, Any]:
    """Mostly valid trees of mostly valid leaves; sometimes one key is corrupted."""
    leaf = leaf_payloads()
    payload: Dict[str, Any] = {"title": draw(st.text(max_size=5))}
    if draw(st.booleans()):
        payload["leaf"] = draw(leaf)
    if draw(st.booleans()):
        payload["leaves"] = draw(st.lists(leaf, min_size=1, max_size=3))
    if draw(st.booleans()):
        payload["grid"] = draw(st.lists(st.lists(leaf, max_size=2), max_size=2))
    if draw(st.booleans()):
        payload["any_leaf"] = draw(st.lists(st.one_of(st.just({"kind": "other"}), leaf), max_size=3))
    if draw(st.booleans()):
        payload["by_key"] = draw(st.one_of(st.just({"kind": "other"}), leaf))
    if draw(st.sampled_from([False, False, False, True])):
        key = draw(st.sampled_from(sorted(TREE_KEYS)))
        payload[key] = draw(st.one_of(INVALID_EXAMPLES, st.just([]), st.just({"x": 1})))
    payload.update(draw(st.dictionaries(extra_keys.filter(lambda key: key not in TREE_KEYS), json_values, max_size=2)))
    return payload


TREE_KEYS = {"title", "leaf", "leaves", "grid", "any_leaf", "by_key"}


@given(leaf_payloads())
def test_leaf_load_and_dump_agree(payload):
    assert_same(lambda: Leaf.from_dict(payload))


@given(tree_payloads())
def test_tree_load_and_dump_agree(payload):
    assert_same(lambda: Tree.from_dict(payload))


@given(leaf_payloads())
def test_leaf_construct_agrees(payload):
    kwargs = {key: value for key, value in payload.items() if isinstance(key, str) and key != "validate"}
    assert_same(lambda: Leaf(**kwargs))


@given(leaf_payloads(), st.dictionaries(st.sampled_from(list(leaf_values())), any_values, max_size=3))
def test_dump_after_changes_agrees(payload, changes):
    try:
        leaf = Leaf.from_dict(payload)
    except ModelValidationError:
        return
    for key, value in changes.items():
        leaf[key] = value
    results = [dump(leaf, True), dump(leaf, False)]
    assert results[0][0] == results[1][0]
    if results[0][0] == "ok":
        assert payloads_equal(results[0][1], results[1][1])
    else:
        assert results[0][1] == results[1][1]


def test_construct_with_built_children_agrees():
    leaf = Leaf(name="x", when=datetime.datetime(2021, 1, 1), z=1 + 2j)
    assert_same(lambda: Tree(title="t", leaf=leaf, leaves=[leaf, leaf], grid=[[leaf]], any_leaf=[OtherLeaf(kind="other"), leaf]))
    assert_same(lambda: Tree(title="t", leaves=[]))
    assert_same(lambda: Tree(title="t", leaves=[leaf, OtherLeaf(kind="other")]))


def test_compiled_functions_are_used():
    Tree.from_dict({"title": "t", "leaves": [{"name": "x"}]}).to_dict()
    Tree(title="t")
    for model in (Leaf, Tree):
        binding = binding_for(model)
        assert callable(binding.fast_load) and callable(binding.fast_dump) and callable(binding.fast_check)


CORPUS_FILES = sorted(CORPUS.glob("*/*.json"))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[f"{p.parent.name}/{p.name}" for p in CORPUS_FILES])
def test_corpus_agrees(path):
    payload = load_json(path)
    model = detect_model(payload)
    if model is None:
        assert is_legacy_shape(path)  # only the oldest status example has no known kind
        return
    assert_same(lambda: model.from_dict(payload))


def test_every_kind_compiles():
    for _, model in KINDS:
        binding = binding_for(model)
        from qiskit_models.validation._compiler import compile_check, compile_dump, compile_load

        assert compile_load(binding) and compile_dump(binding) and compile_check(binding), model


#: Items of pulse-sample lists, odd ones included: pairs of mixed numbers, bools,
#: non-finite and huge numbers, strings, tuples, and lists of the wrong length.
sample_items = st.one_of(
    st.lists(st.one_of(st.floats(), st.integers(), st.booleans(), st.just(10**400), st.just("1")), min_size=0, max_size=3),
    st.tuples(st.floats(allow_nan=False), st.floats(allow_nan=False)),
    st.just(1.5),
    st.just(0.25 - 0.5j),
)


@given(st.lists(sample_items, max_size=6))
def test_sample_lists_of_any_shape_agree(samples):
    """The C-level check of pulse samples (the largest data of every payload) agrees item by item."""
    assert_same(lambda: Leaf.from_dict({"name": "x", "samples": samples}))
