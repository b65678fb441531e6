"""Quantities that payloads send in one unit and models hold in another.

A pulse configuration sends ``dt`` in ns and a pulse defaults payload sends
frequencies in GHz; legacy models held them in SI units (s, Hz), and code reads
them that way.  :class:`WireUnits` converts in ``__init__`` (``wire * factor``,
the legacy arithmetic, so attributes are bit for bit what legacy computed),
keeps the payload's value in a private attribute, and gives ``to_dict`` the
payload's value back while the attribute still equals the value converted from
it.  An attribute that has changed is converted back (the shortest decimal that
converts to it again exactly, when there is one).
"""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING, Any, ClassVar, Dict, List, Tuple

from qiskit_models.validation.exceptions import ModelValidationError

if TYPE_CHECKING:  # pragma: no cover
    from qiskit_models.validation.base import BaseModel

    # For type checkers the mixin is a model (it is only ever mixed into models),
    # so that it may call the model's ``_wire_value``; at run time it is a plain mixin.
    _MixinBase = BaseModel
else:
    _MixinBase = object

__all__ = ["WireUnits"]

_ABSENT = object()

#: Name of the private attribute that holds the payload values.
WIRE_ATTRIBUTE = "_qm_wire"


def to_si(value: Any, factor: float, depth: int) -> Any:
    """Convert a payload value to SI units.

    Args:
        value: a number (``depth`` 0), a list of numbers (1) or of ``[min, max]`` pairs (2).
        factor: the unit's factor (``1e-9`` for ns).
        depth: see ``value``.

    Returns:
        The converted value, in new lists.

    Raises:
        TypeError: an item is not a number.
        ValueError: a pair does not have two items.
    """
    if depth == 0:
        return _builtin(value) * factor
    if depth == 2:  # [min, max] pairs, each unpacked (legacy)
        return [[_builtin(low) * factor, _builtin(high) * factor] for low, high in value]
    return [_builtin(item) * factor for item in value]


def _builtin(value: Any) -> Any:
    """A numpy number as the built-in number loading makes of it (numpy 2 keeps
    ``float32 * float`` in single precision); anything else unchanged."""
    kind = type(value)
    if kind is float or kind is int or isinstance(value, bool) or not isinstance(value, numbers.Real):
        return value
    return int(value) if isinstance(value, numbers.Integral) else float(value)


def number_from_si(value: Any, factor: float) -> Any:
    """Return the payload number that converts to ``value``.

    Args:
        value: a number in SI units.
        factor: the unit's factor.

    Returns:
        The shortest decimal ``w`` with ``w * factor == value`` if there is one,
        else the closest number; ``value`` itself if it is not a real number
        (the field then reports that it cannot write it).
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return value
    value = float(value)
    wire = value / factor
    if not math.isfinite(wire):
        return wire
    for digits in range(1, 18):
        candidate = float(f"{wire:.{digits}g}")
        if candidate * factor == value:
            return candidate
    for direction in (math.inf, -math.inf):
        candidate = wire
        for _ in range(4):
            candidate = math.nextafter(candidate, direction)
            if candidate * factor == value:
                return candidate
    return wire


def from_si(value: Any, factor: float, depth: int) -> Any:
    """Convert a value in SI units back to the payload's unit (see :func:`to_si`)."""
    if depth == 0:
        return number_from_si(value, factor)
    if not isinstance(value, (list, tuple)):
        return value
    return [from_si(item, factor, depth - 1) for item in value]


def _copy_lists(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy_lists(item) for item in value]
    return value


class WireUnits(_MixinBase):
    """Mixin of models that hold some payload quantities in SI units.

    Subclasses list the converted payload keys in ``_qm_conversions``
    (``{key: (factor, depth)}``, see :func:`to_si`), call
    :meth:`_store_converted` from ``__init__`` and put the mixin before the
    model base class.
    """

    _qm_conversions: ClassVar[Dict[str, Tuple[float, int]]] = {}

    def _store_converted(self, given: Dict[str, Any]) -> None:
        """Store payload quantities as SI attributes, remembering the payload values.

        Args:
            given: payload key to payload value, for the keys to convert.

        Raises:
            ModelValidationError: a value cannot be converted (names the key).
        """
        wire = self.__dict__.setdefault(WIRE_ATTRIBUTE, {})
        errors: Dict[str, List[str]] = {}
        for key, value in given.items():
            factor, depth = self._qm_conversions[key]
            try:
                converted = to_si(value, factor, depth)
            except (TypeError, ValueError, OverflowError):
                errors[key] = [f"Cannot convert {_short(value)} from the payload's unit."]
                continue
            self.__dict__[key] = converted
            wire[key] = _copy_lists(value)
        if errors:
            raise ModelValidationError(errors)

    def _wire_value(self, key: str, default: Any) -> Any:
        """Return what ``to_dict`` writes for ``key``: converted quantities in the payload's unit."""
        conversion = self._qm_conversions.get(key)
        current = self.__dict__.get(key, _ABSENT) if conversion is not None else _ABSENT
        if conversion is None or current is _ABSENT:
            return super()._wire_value(key, default)
        factor, depth = conversion
        wire = self.__dict__.get(WIRE_ATTRIBUTE, {}).get(key, _ABSENT)
        if wire is not _ABSENT:
            try:
                if bool(to_si(wire, factor, depth) == current):
                    return wire
            except (TypeError, ValueError, OverflowError):
                pass
        return from_si(current, factor, depth)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
