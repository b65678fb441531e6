"""Parsing of ISO 8601 date-times and dates as provider services write them.

The grammar is the one of the legacy layer (marshmallow 3.5), which both
marshmallow majors no longer share::

    YYYY-M[M]-D[D] (T|space) H[H]:MM [:SS [.fraction]] [Z | ±HH[[:]MM]]

A value parsed from a payload remembers the exact text it came from, so that
``to_dict`` writes the same text back (``Z`` stays ``Z``, a missing seconds part
stays missing) without formatting anything.  The text is attached to the value
itself (:class:`WireDateTime`), so any value computed from it, and any value
assigned by user code, is formatted with ``isoformat()`` instead.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any, Dict, Optional, Tuple, Union

__all__ = [
    "WireDate",
    "WireDateTime",
    "format_date",
    "format_datetime",
    "parse_date",
    "parse_datetime",
]

_DATETIME_RE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2})"
    r"(?::(\d{1,2})(?:\.(\d{1,6})\d*)?)?"
    r"(Z|[+-]\d{2}(?::?\d{2})?)?"
)
_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")

#: Parsed values are shared between payloads: payloads repeat the same
#: calibration dates thousands of times.  Values are immutable, so sharing is safe.
_CACHE_LIMIT = 4096
_DATETIMES: Dict[str, "WireDateTime"] = {}
_DATES: Dict[str, "WireDate"] = {}
_ZONES: Dict[str, tzinfo] = {"Z": timezone.utc}


class WireDateTime(datetime):
    """A :class:`datetime.datetime` that remembers the payload text it was parsed from.

    It is equal to, hashes like and behaves like the plain ``datetime`` of the
    same value; only ``to_dict`` looks at :attr:`wire_text`.  Arithmetic and
    ``replace`` return values without text, which are formatted with
    ``isoformat()``.
    """

    __slots__ = ("_wire_text",)
    _wire_text: str  # set by parse_datetime only

    @property
    def wire_text(self) -> Optional[str]:
        """The payload text of this value, or ``None`` if it was computed."""
        return getattr(self, "_wire_text", None)

    def __repr__(self) -> str:
        text = datetime.__repr__(self)
        return "datetime.datetime" + text[text.index("(") :]

    def __reduce_ex__(self, protocol: Any) -> Union[str, Tuple[Any, ...]]:
        text = self.wire_text
        if text is None:
            return datetime.__reduce_ex__(self, protocol)
        return (parse_datetime, (text,))

    def __reduce__(self) -> Union[str, Tuple[Any, ...]]:
        return self.__reduce_ex__(2)


class WireDate(date):
    """A :class:`datetime.date` that remembers the payload text it was parsed from."""

    __slots__ = ("_wire_text",)
    _wire_text: str  # set by parse_date only

    @property
    def wire_text(self) -> Optional[str]:
        """The payload text of this value, or ``None`` if it was computed."""
        return getattr(self, "_wire_text", None)

    def __repr__(self) -> str:
        text = date.__repr__(self)
        return "datetime.date" + text[text.index("(") :]

    def __reduce_ex__(self, protocol: Any) -> Union[str, Tuple[Any, ...]]:
        text = self.wire_text
        if text is None:
            return date.__reduce_ex__(self, protocol)
        return (parse_date, (text,))

    def __reduce__(self) -> Union[str, Tuple[Any, ...]]:
        return self.__reduce_ex__(2)


def _zone(text: str) -> tzinfo:
    zone = _ZONES.get(text)
    if zone is None:
        sign = -1 if text[0] == "-" else 1
        digits = text[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + (int(digits[2:]) if len(digits) > 2 else 0)
        zone = timezone(sign * timedelta(minutes=minutes))
        if len(_ZONES) < _CACHE_LIMIT:
            _ZONES[text] = zone
    return zone


def parse_datetime(text: str) -> Optional[WireDateTime]:
    """Parse a payload date-time.

    Args:
        text: the payload string.

    Returns:
        The value, aware with a fixed UTC offset when the text has a zone and
        naive otherwise, or ``None`` when ``text`` is not a date-time.
    """
    value = _DATETIMES.get(text)
    if value is not None:
        return value
    match = _DATETIME_RE.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        value = WireDateTime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second) if second else 0,
            int(fraction.ljust(6, "0")) if fraction else 0,
            _zone(zone) if zone else None,
        )
    except ValueError:  # month 13, offset of 24 hours, ...
        return None
    value._wire_text = text
    if len(_DATETIMES) >= _CACHE_LIMIT:
        _DATETIMES.clear()
    _DATETIMES[text] = value
    return value


def parse_date(text: str) -> Optional[WireDate]:
    """Parse a payload date (``YYYY-M[M]-D[D]``).

    Args:
        text: the payload string.

    Returns:
        The date, or ``None`` when ``text`` is not a date.
    """
    value = _DATES.get(text)
    if value is not None:
        return value
    match = _DATE_RE.fullmatch(text)
    if match is None:
        return None
    try:
        value = WireDate(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    value._wire_text = text
    if len(_DATES) >= _CACHE_LIMIT:
        _DATES.clear()
    _DATES[text] = value
    return value


def format_datetime(value: datetime) -> str:
    """Write a date-time for a payload: its payload text if it has one, else ISO 8601.

    Args:
        value: the value to write.

    Returns:
        The text.
    """
    text = getattr(value, "_wire_text", None)
    return text if text is not None else value.isoformat()


def format_date(value: date) -> str:
    """Write a date for a payload: its payload text if it has one, else ISO 8601.

    Args:
        value: the value to write (a ``datetime`` is written as its date part).

    Returns:
        The text.
    """
    text: Optional[str] = getattr(value, "_wire_text", None)
    if text is not None and type(value) is WireDate:
        return text
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()
