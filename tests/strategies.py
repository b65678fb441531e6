"""Hypothesis strategies shared by the property-based tests."""

from __future__ import annotations

import numpy
from hypothesis import strategies as st

#: JSON scalars as ``json.loads`` produces them (finite floats only).
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)

#: Any JSON document, a few levels deep.
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=12,
)

#: Values a caller may hand to a constructor or to from_dict: JSON, and what is not.
any_values = st.one_of(
    json_values,
    st.floats(),  # NaN and infinities
    st.integers(),
    st.binary(max_size=5),
    st.complex_numbers(allow_nan=True, allow_infinity=True),
    st.tuples(st.integers(), st.integers()),
    st.sets(st.integers(), max_size=3),
    st.sampled_from(
        [numpy.int64(4), numpy.int8(-3), numpy.float64(2.5), numpy.float32(1.5), numpy.bool_(True), numpy.float64("nan")]
    ),
    st.datetimes(),
)

#: Payload keys that no model declares: any text, including ones that collide
#: with names the models use.
extra_keys = st.one_of(
    st.text(min_size=1, max_size=12),
    st.sampled_from(
        ["validate", "to_dict", "from_dict", "schema", "shallow_schema", "_data", "_qm_extras", "__class__", "__dict__", "a-b", "1x", "a b", "__init__", "_qubits"]
    ),
)
