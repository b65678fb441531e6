"""marshmallow validators as JSON Schema keywords.

:func:`validator_schema` turns one validator into the keywords that accept the
same JSON values, or returns ``None`` when JSON Schema cannot say it (a plain
function, a ``Predicate``, a ``Range`` over dates, ...).  The exporter then
leaves the rule out, so the exported schema is never stricter than the model,
and mentions it in a ``$comment``.
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable, Dict, FrozenSet, List, Optional, TypeGuard

from marshmallow import validate as _validate

from qiskit_models.jsonschema._patterns import anchored, exactly, first_match_pattern, start_pattern
from qiskit_models.validation.validate import Or, PatternProperties

__all__ = ["NotJSON", "describe_unexported", "json_value", "key_start_pattern", "validator_schema"]

#: JSON types a field's values may have, or ``None`` when not known.
Types = Optional[FrozenSet[str]]

#: Converts a marshmallow field into its JSON Schema (the exporter's).
FieldToSchema = Callable[[Any], Dict[str, Any]]

_NUMERIC = frozenset({"number", "integer"})


class NotJSON(Exception):
    """A value has no JSON representation (so no ``enum`` or ``const`` can name it)."""


def json_value(value: Any) -> Any:
    """Return ``value`` as JSON types, or raise :class:`NotJSON`.

    Args:
        value: a choice of ``OneOf``, the value of ``Equal``, a default, ...

    Returns:
        The JSON value.
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NotJSON(value)
        return float(value)
    if isinstance(value, (list, tuple)):
        return [json_value(item) for item in value]
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {key: json_value(item) for key, item in value.items()}
    raise NotJSON(value)


def _is_text_regex(regex: "re.Pattern[Any]") -> TypeGuard["re.Pattern[str]"]:
    """Whether a compiled regex matches text (not bytes)."""
    return isinstance(regex.pattern, str)


def _number(value: Any) -> Optional[float]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _range(validator: Any, types: Types) -> Optional[Dict[str, Any]]:
    if types is not None and not types & _NUMERIC:
        return None
    result: Dict[str, Any] = {}
    for bound, inclusive_attr, inclusive_key, exclusive_key in (
        ("min", "min_inclusive", "minimum", "exclusiveMinimum"),
        ("max", "max_inclusive", "maximum", "exclusiveMaximum"),
    ):
        value = getattr(validator, bound, None)
        if value is None:
            continue
        number = _number(value)
        if number is None:
            return None  # a Range over dates or strings
        inclusive = getattr(validator, inclusive_attr, True)
        result[inclusive_key if inclusive else exclusive_key] = number
    return result


def _length(validator: Any, types: Types) -> Dict[str, Any]:
    equal = getattr(validator, "equal", None)
    low = equal if equal is not None else getattr(validator, "min", None)
    high = equal if equal is not None else getattr(validator, "max", None)
    families = {
        "string": ("minLength", "maxLength"),
        "array": ("minItems", "maxItems"),
        "object": ("minProperties", "maxProperties"),
    }
    wanted = [name for name in families if types is None or name in types]
    result: Dict[str, Any] = {}
    for name in wanted:
        low_key, high_key = families[name]
        if low is not None:
            result[low_key] = low
        if high is not None:
            result[high_key] = high
    return result


def _enum(values: Any) -> Dict[str, Any]:
    return {"enum": [json_value(value) for value in values]}


def key_start_pattern(validator: Any) -> Optional[str]:
    """Return a start pattern of the keys a key validator of ``PatternProperties`` accepts.

    Args:
        validator: ``Regexp``, ``OneOf`` or ``Equal`` of strings, or ``Length``.

    Returns:
        The pattern (matched at position 0), or ``None`` when it cannot be written.
    """
    if isinstance(validator, _validate.Regexp):
        regex = validator.regex
        return start_pattern(regex) if _is_text_regex(regex) else None
    if isinstance(validator, _validate.ContainsOnly) or isinstance(validator, _validate.NoneOf):
        return None
    if isinstance(validator, _validate.OneOf):
        choices = list(validator.choices)
        return exactly(choices) if all(isinstance(choice, str) for choice in choices) else None
    if isinstance(validator, _validate.Equal):
        return exactly([validator.comparable]) if isinstance(validator.comparable, str) else None
    if isinstance(validator, _validate.Length):
        equal = validator.equal
        low = equal if equal is not None else (validator.min or 0)
        high = equal if equal is not None else validator.max
        return "[\\s\\S]{%d,%s}(?![\\s\\S])" % (low, "" if high is None else high)
    return None


def _pattern_properties(validator: PatternProperties, field_schema: FieldToSchema) -> Optional[Dict[str, Any]]:
    items = list(validator.pattern_properties.items())
    starts = [key_start_pattern(key_validator) for key_validator, _ in items]
    known = [start for start in starts if start is not None]
    if len(known) != len(starts):
        return None
    patterns: Dict[str, Any] = {}
    for index, (_, value_field) in enumerate(items):
        patterns[first_match_pattern(known, index)] = field_schema(value_field)
    return {"patternProperties": patterns, "additionalProperties": False}


def validator_schema(validator: Any, types: Types, field_schema: FieldToSchema) -> Optional[Dict[str, Any]]:
    """Return the JSON Schema keywords of one validator.

    Args:
        validator: the validator (a marshmallow or qiskit-models one).
        types: the JSON types of the field's values (``None``: unknown), which
            say whether ``Length`` means characters, items or properties.
        field_schema: converts a field (``PatternProperties`` value fields).

    Returns:
        The keywords, or ``None`` if JSON Schema cannot express the validator.
    """
    try:
        if isinstance(validator, _validate.ContainsNoneOf):
            return {"items": {"not": _enum(validator.iterable)}}
        if isinstance(validator, _validate.ContainsOnly):
            return {"items": _enum(validator.choices)}
        if isinstance(validator, _validate.OneOf):
            return _enum(validator.choices)
        if isinstance(validator, _validate.NoneOf):
            return {"not": _enum(validator.iterable)}
        if isinstance(validator, _validate.Equal):
            return {"const": json_value(validator.comparable)}
    except NotJSON:
        return None
    if isinstance(validator, _validate.Range):
        return _range(validator, types)
    if isinstance(validator, _validate.Length):
        return _length(validator, types)
    if isinstance(validator, _validate.Regexp):
        regex = validator.regex
        return {"pattern": anchored(regex)} if _is_text_regex(regex) else None
    if isinstance(validator, _validate.Email):
        return {"format": "email"}
    if isinstance(validator, _validate.URL):
        return {"format": "uri"} if not getattr(validator, "relative", False) else {"format": "uri-reference"}
    if isinstance(validator, PatternProperties):
        return _pattern_properties(validator, field_schema)
    if isinstance(validator, Or):
        parts = [validator_schema(part, types, field_schema) for part in validator.validators]
        if not parts or any(part is None for part in parts):
            return None
        return {"anyOf": parts}
    if isinstance(validator, _validate.And):
        found: List[Dict[str, Any]] = []
        for part in validator.validators:
            schema = validator_schema(part, types, field_schema)
            if schema is not None:
                found.append(schema)
        return {"allOf": found} if found else None
    return None


def describe_unexported(validator: Any) -> str:
    """Name a validator that the exported schema leaves out (for ``$comment``)."""
    name = getattr(validator, "__name__", None) or type(validator).__name__
    return re.sub(r"\s+", " ", str(name))
