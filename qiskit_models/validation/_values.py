"""Values that the models carry without a declared field: checking and dumping them.

Unknown payload keys, ``Raw`` fields and ``Dict`` fields without a value field
hold arbitrary values.  Loading passes them through unconverted (objects other
than lists, dictionaries and tuples keep their identity); this module

* checks on load that such a value does not nest deeper than :data:`MAX_DEPTH`
  levels of lists and dictionaries, so that the loaded object can always be
  compared, copied, pickled and dumped without hitting Python's recursion limit,
  and copies its lists and dictionaries (:func:`copy_value`), so that changing the
  loaded object never changes the payload and the other way round;
* turns such a value into JSON types on dump (:func:`to_json`), with new
  containers, recursively dumping models and converting numpy scalars.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Dict, Mapping, Type

from marshmallow import ValidationError

from qiskit_models.json_types import JSONList, JSONValue
from qiskit_models.validation._datetime import format_date, format_datetime

if TYPE_CHECKING:  # pragma: no cover
    from qiskit_models.validation.base import BaseModel

__all__ = ["MAX_DEPTH", "SCALAR_TYPES", "check_depth", "copy_value", "to_json"]

#: The deepest nesting of lists and dictionaries accepted in a pass-through value.
MAX_DEPTH = 100

_JSON_KEY_TYPES = (str, int, float, bool, type(None))


def check_depth(value: Any, limit: int = MAX_DEPTH) -> None:
    """Reject a value whose lists and dictionaries nest deeper than ``limit`` levels.

    Subclasses of ``dict`` and ``list`` (an ``OrderedDict``, a ``defaultdict``)
    count as dictionaries and lists.  Containers of scalars, the bulk of real
    payloads, are passed over with one C-level type check; deep values stop at
    ``limit`` levels, so the recursion stays far below Python's limit.

    Args:
        value: any value.
        limit: the deepest accepted nesting.

    Raises:
        ValidationError: the value nests too deeply.
    """
    if type(value) not in SCALAR_TYPES and _is_container(value):
        _check_container(value, 1, limit)


#: The exact types of the scalars of JSON data: never copied, never walked.
SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})

_CONTAINER_TYPES = frozenset({dict, list, tuple})


def _is_container(value: Any) -> bool:
    return type(value) in _CONTAINER_TYPES or isinstance(value, (dict, list))


def _too_deep(limit: int) -> ValidationError:
    return ValidationError(f"Value is nested more than {limit} levels deep.")


def _check_container(value: Any, depth: int, limit: int) -> None:
    if depth > limit:
        raise _too_deep(limit)
    depth += 1
    items = value.values() if isinstance(value, dict) else value
    if SCALAR_TYPES.issuperset(map(type, items)):  # the common case: scalars only
        return
    for item in items:
        if type(item) not in SCALAR_TYPES and _is_container(item):
            _check_container(item, depth, limit)


def copy_value(value: Any, limit: int = MAX_DEPTH) -> Any:
    """Return ``value`` with new lists and dictionaries, checking its depth.

    A subclass of ``dict`` or ``list`` (an ``OrderedDict`` from
    ``json.loads(..., object_pairs_hook=OrderedDict)``) becomes a plain ``dict``
    or ``list``; tuples that hold lists or dictionaries are rebuilt around their
    copies; every other object (strings, numbers, models, numpy arrays, ...) is
    shared, not copied.  Accepts and rejects exactly what :func:`check_depth` does.

    Args:
        value: any value.
        limit: the deepest accepted nesting.

    Returns:
        The copy; ``value`` itself when it is not a container.

    Raises:
        ValidationError: the value nests too deeply.
    """
    if type(value) in SCALAR_TYPES or not _is_container(value):
        return value
    return _copy_container(value, 1, limit)


def _copy_container(value: Any, depth: int, limit: int) -> Any:
    # recursion is bounded by ``limit``: deeper values are rejected on the way down
    if depth > limit:
        raise _too_deep(limit)
    depth += 1
    if isinstance(value, dict):
        if SCALAR_TYPES.issuperset(map(type, value.values())):  # scalars only: a C-level copy
            return dict(value)
        result = {}
        for key, item in value.items():
            result[key] = item if type(item) in SCALAR_TYPES or not _is_container(item) else _copy_container(item, depth, limit)
        return result
    if SCALAR_TYPES.issuperset(map(type, value)):  # the common case: a list of scalars
        return value if type(value) is tuple else list(value)
    items = [item if type(item) in SCALAR_TYPES or not _is_container(item) else _copy_container(item, depth, limit) for item in value]
    return tuple(items) if type(value) is tuple else items


def _model_type() -> Type[BaseModel]:
    from qiskit_models.validation.base import BaseModel

    return BaseModel


def to_json(value: Any) -> JSONValue:
    """Return ``value`` built from JSON types only, in new containers.

    Models are dumped with their schema, numpy scalars and arrays become built-in
    numbers and lists, complex numbers become ``[real, imag]``, date-times their
    payload text or ISO 8601, tuples lists.  Dictionary keys must be strings,
    numbers, booleans or ``None`` (what :func:`json.dumps` accepts); they are
    kept as they are, so the result is typed with string keys although a
    pass-through dictionary may keep a number as a key (``json.dumps`` writes
    it as a string).

    Args:
        value: the value to convert.

    Returns:
        The converted value; ``value`` itself for immutable JSON scalars.

    Raises:
        ValidationError: a value (at the path given by the messages) cannot be
            represented in JSON.
    """
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        scalar: JSONValue = value
        return scalar
    if kind is dict or kind is list or kind is tuple:
        return _container_to_json(value)
    return _other_to_json(value)


def _container_to_json(value: Any) -> JSONValue:
    if type(value) is dict:
        # JSON-compatible keys other than strings are kept (json.dumps writes them as strings)
        result: Dict[Any, JSONValue] = {}
        for key, item in value.items():
            if type(key) is not str:
                key = _json_key(key)
            try:
                result[key] = to_json(item)
            except ValidationError as error:
                raise ValidationError({key: error.messages}) from None
        return result
    items: JSONList = []
    for index, item in enumerate(value):
        try:
            items.append(to_json(item))
        except ValidationError as error:
            raise ValidationError({index: error.messages}) from None
    return items


def _json_key(key: Any) -> Any:
    """A dictionary key as a built-in JSON key type (an enum member becomes its value)."""
    if key is None or type(key) in _JSON_KEY_TYPES:
        return key
    if isinstance(key, _JSON_KEY_TYPES):  # a subclass: converted as a value is
        return _other_to_json(key)
    raise ValidationError({repr(key): [f"Key of type {type(key).__name__} cannot be written as JSON."]})


def _other_to_json(value: Any) -> JSONValue:
    if isinstance(value, _model_type()):
        return value._dump_payload()
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):  # a subclass such as a str-based enum member: its text
        return str.__str__(value)
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, complex):
        return [to_json(value.real), to_json(value.imag)]
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Mapping):
        return _container_to_json(dict(value))
    if isinstance(value, (list, tuple)):  # a subclass, such as a named tuple
        return _container_to_json(list(value))
    if type(value).__module__ == "numpy":
        if hasattr(value, "tolist"):  # arrays and scalars
            return to_json(value.tolist())
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_json(to_dict())
    raise ValidationError(f"Value of type {type(value).__name__} cannot be written as JSON.")
