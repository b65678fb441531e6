"""Fields of qiskit-models schemas.

Every field is a marshmallow field (so it works in any marshmallow schema) and a
:class:`~qiskit_models.validation.base.ModelTypeValidator` (so a model
constructor can check an already-built value).  One rule per field, applied on
both paths:

========== ============================================ ======================
field      accepted (load and construct)                 load converts
========== ============================================ ======================
String     ``str``                                       nothing
Integer    ``int``, numpy integers, integral floats;     numpy/float -> ``int``
           never ``bool``
Float      ``int``, ``float``, numpy numbers; never      numpy -> built-in;
Number     ``bool``; NaN and infinity only with          ``int`` stays ``int``
           ``allow_nan=True``
Boolean    ``bool``, ``numpy.bool_``                     numpy -> ``bool``
DateTime   load: ISO 8601 text; construct: ``datetime``  text -> ``datetime``
Date       load: ``YYYY-M-D`` text; construct: ``date``  text -> ``date``
Raw        anything (lists and dicts at most 100 deep)   copies lists and dicts
========== ============================================ ======================

Dumping (``to_dict``) never validates again, but it does not invent data either:
a value a field cannot write faithfully (``2.5`` in an ``Integer`` field,
``5`` in a ``String`` field) gives an error that names the field.
"""

from __future__ import annotations

import math
import numbers
from datetime import date, datetime
from typing import Any, Iterable, Optional, Tuple, Type

from marshmallow import fields as _fields

from qiskit_models.validation import _compat
from qiskit_models.validation._datetime import format_date, format_datetime, parse_date, parse_datetime
from qiskit_models.validation._values import check_depth, copy_value, to_json
from qiskit_models.validation.base import ModelTypeValidator
from qiskit_models.validation.fields.containers import Dict, List, Nested
from qiskit_models.validation.fields.custom import Complex, InstructionParameter
from qiskit_models.validation.fields.polymorphic import BasePolyField, ByAttribute, ByType, TryFrom

__all__ = [
    "BasePolyField",
    "Boolean",
    "ByAttribute",
    "ByType",
    "Complex",
    "Date",
    "DateTime",
    "Dict",
    "Email",
    "Float",
    "InstructionParameter",
    "Integer",
    "List",
    "ModelTypeValidator",
    "Nested",
    "Number",
    "Raw",
    "String",
    "TryFrom",
    "Url",
]

_FLOAT_MAX = 1.7976931348623157e308


def is_numpy_bool(value: Any) -> bool:
    """Tell whether ``value`` is a numpy boolean scalar (without importing numpy)."""
    kind = type(value)
    return kind.__module__ == "numpy" and kind.__name__ in ("bool_", "bool")


class String(_fields.String, ModelTypeValidator):
    """A text field: accepts ``str`` only (no ``bytes``, no numbers)."""

    valid_types = (str,)

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept a ``str``."""
        if not isinstance(value, str):
            raise self.make_error("invalid")
        return value

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        if not isinstance(value, str):
            raise self.make_error("invalid")
        # a str subclass (a str-based enum member) becomes its text: str() would
        # give the member's name for an enum
        return value if type(value) is str else str.__str__(value)

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        if value is None or type(value) is str:
            return value
        if isinstance(value, str):
            return str.__str__(value)
        raise self.cannot_write(value, "a string")


class Email(_fields.Email, String):
    """A ``String`` that must be an e-mail address."""


class Url(_fields.Url, String):
    """A ``String`` that must be a URL (absolute with a TLD by default)."""


class Number(_compat.NumberFieldBase, ModelTypeValidator):
    """A real number: ``int`` or ``float`` (numpy numbers too), never ``bool``.

    Loading keeps an ``int`` an ``int`` (so payloads round-trip bit for bit) and
    turns numpy scalars into built-in numbers; construction keeps what it is
    given.  NaN and infinity are rejected unless ``allow_nan=True``; integers too
    large for a ``float`` are rejected.

    Args:
        allow_nan: accept NaN and infinity.
        as_string: marshmallow's option; not supported by qiskit-models fields.
        **kwargs: marshmallow field options.
    """

    num_type: Type[Any] = float
    valid_types: Tuple[type, ...] = (int, float)
    default_error_messages = {
        "special": "Special numeric values (nan or infinity) are not permitted.",
    }

    def __init__(self, *, allow_nan: Optional[bool] = None, as_string: bool = False, **kwargs: Any) -> None:
        super().__init__(as_string=as_string, **kwargs)
        if allow_nan is not None or not hasattr(self, "allow_nan"):
            self.allow_nan = bool(allow_nan)

    def _accept(self, value: Any) -> Any:
        """Return ``value`` as a built-in number, or raise the field's error."""
        kind = type(value)
        if kind is float:
            if not self.allow_nan and (value != value or value in (math.inf, -math.inf)):
                raise self.make_error("special")
            return value
        if kind is int:
            if -_FLOAT_MAX <= value <= _FLOAT_MAX:
                return value
            raise self.make_error("too_large", input=value)
        if isinstance(value, bool) or is_numpy_bool(value) or not isinstance(value, numbers.Real):
            raise self.make_error("invalid", input=value)
        if isinstance(value, numbers.Integral):
            return self._accept(int(value))
        return self._accept(float(value))

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept a real number (see the class documentation), without converting it."""
        self._accept(value)
        return value

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        return self._accept(value)

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        kind = type(value)
        if value is None or kind is float or kind is int:
            return value
        if not isinstance(value, bool) and isinstance(value, numbers.Real):
            return int(value) if isinstance(value, numbers.Integral) else float(value)
        raise self.cannot_write(value, "a number")


class Integer(_fields.Integer, Number):
    """A whole number: ``int`` or numpy integer, never ``bool``.

    A float is accepted only when it has no fractional part (``3.0``); loading
    converts it to ``int``.  ``2.5`` is rejected, never truncated.

    Args:
        strict: reject floats altogether.
        **kwargs: marshmallow field options.
    """

    num_type = int
    valid_types = (int,)

    def _accept(self, value: Any) -> Any:
        kind = type(value)
        if kind is int:
            return value
        if isinstance(value, bool) or is_numpy_bool(value) or not isinstance(value, numbers.Real):
            raise self.make_error("invalid", input=value)
        if isinstance(value, numbers.Integral):
            return int(value)
        if not self.strict:
            number = float(value)
            if number.is_integer():
                return int(number)
        raise self.make_error("invalid", input=value)

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        if value is None or type(value) is int:
            return value
        if not isinstance(value, bool) and isinstance(value, numbers.Real):
            if isinstance(value, numbers.Integral):
                return int(value)
            if math.isfinite(value) and float(value).is_integer():
                return int(value)  # type: ignore[call-overload]  # typeshed: int() does not take numbers.Real
        raise self.cannot_write(value, "an integer")


class Float(_fields.Float, Number):
    """A real number, as :class:`Number` (kept for the legacy name)."""


class Boolean(_fields.Boolean, ModelTypeValidator):
    """A boolean: ``True`` or ``False`` (or a numpy boolean), nothing else.

    ``"true"``, ``"yes"``, ``1`` are rejected on both paths unless they are
    listed in ``truthy``/``falsy``, which loading then honours.

    Args:
        truthy: extra payload values that load as ``True``.
        falsy: extra payload values that load as ``False``.
        **kwargs: marshmallow field options.
    """

    valid_types = (bool,)

    def __init__(self, *, truthy: Optional[Iterable[Any]] = None, falsy: Optional[Iterable[Any]] = None, **kwargs: Any) -> None:
        super().__init__(truthy=truthy, falsy=falsy, **kwargs)
        self._extra_true = frozenset(truthy) if truthy else frozenset()
        self._extra_false = frozenset(falsy) if falsy else frozenset()

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept ``True``, ``False`` or a numpy boolean."""
        if type(value) is bool or is_numpy_bool(value):
            return value
        raise self.make_error("invalid", input=value)

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        if type(value) is bool:
            return value
        if is_numpy_bool(value):
            return bool(value)
        try:
            if value in self._extra_true:
                return True
            if value in self._extra_false:
                return False
        except TypeError:  # unhashable
            pass
        raise self.make_error("invalid", input=value)

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        if value is None or type(value) is bool:
            return value
        if is_numpy_bool(value):
            return bool(value)
        raise self.cannot_write(value, "a boolean")


class Raw(_fields.Raw, ModelTypeValidator):
    """Any value, passed through unconverted; written back as JSON types.

    Lists and dictionaries in the value may nest at most 100 levels deep; loading
    copies them (the payload and the model never share one), construction does not.
    """

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept any value that does not nest too deeply."""
        check_depth(value)
        return value

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        return copy_value(value)

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        return to_json(value)


_ISO_FORMATS = (None, "iso", "iso8601")


class DateTime(_fields.DateTime, ModelTypeValidator):
    """A date-time: ISO 8601 text in payloads, :class:`datetime.datetime` on models.

    Accepted text: ``YYYY-M[M]-D[D]``, ``T`` or a space, ``HH:MM[:SS[.fraction]]``,
    and an optional ``Z`` or ``±HH[[:]MM]`` offset.  An aware value keeps its
    UTC offset, a naive one stays naive, and ``to_dict`` writes back the exact
    payload text while the attribute holds the loaded value.  Date-only text,
    numbers and ``datetime`` objects are rejected by ``from_dict``.

    Args:
        format: ``None`` (ISO 8601, as above) or any marshmallow format, which
            marshmallow then handles.
        **kwargs: marshmallow field options.
    """

    valid_types = (datetime,)

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept a :class:`datetime.datetime`."""
        if not isinstance(value, datetime):
            raise self._not_expected_type(value, datetime)
        return value

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        if self.format not in _ISO_FORMATS:
            return super()._deserialize(value, attr, data, **kwargs)
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is None:
            raise self.make_error("invalid", input=value, obj_type=self.OBJ_TYPE)
        return parsed

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise self.cannot_write(value, "a date-time")
        if self.format not in _ISO_FORMATS:
            return super()._serialize(value, attr, obj, **kwargs)
        return format_datetime(value)


class Date(_fields.Date, ModelTypeValidator):
    """A date: ``YYYY-M[M]-D[D]`` text in payloads, :class:`datetime.date` on models.

    Args:
        format: ``None`` (ISO 8601) or any marshmallow format.
        **kwargs: marshmallow field options.
    """

    valid_types = (date,)

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept a :class:`datetime.date`."""
        if not isinstance(value, date):
            raise self._not_expected_type(value, date)
        return value

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        if self.format not in _ISO_FORMATS:
            return super()._deserialize(value, attr, data, **kwargs)
        parsed = parse_date(value) if isinstance(value, str) else None
        if parsed is None:
            raise self.make_error("invalid", input=value, obj_type=self.OBJ_TYPE)
        return parsed

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, date):
            raise self.cannot_write(value, "a date")
        if self.format not in _ISO_FORMATS:
            return super()._serialize(value, attr, obj, **kwargs)
        return format_date(value)
