"""Regular expressions for JSON Schema ``pattern``: anchoring, combining, dates.

marshmallow's ``Regexp`` validator uses :func:`re.match`, which is anchored at
the start of the string only; JSON Schema's ``pattern`` searches anywhere.  The
helpers here turn a Python pattern into one that a JSON Schema validator
applies with the same result.

The date and date-time patterns spell out the grammar of
:mod:`qiskit_models.validation._datetime` together with the calendar checks that
``datetime`` applies after parsing (month 1-12, the length of each month with
leap years, hours below 24, UTC offsets below 24 hours), so that a string
matches exactly when ``from_dict`` accepts it.  Digits are ASCII ``0-9``.
"""

from __future__ import annotations

import re
from typing import Sequence, Tuple

__all__ = [
    "DATE_PATTERN",
    "DATETIME_PATTERN",
    "END",
    "anchored",
    "exactly",
    "first_match_pattern",
    "start_pattern",
]

#: End of the string, in a form that means the same in Python and ECMA-262
#: (``$`` also matches before a final newline in Python).
END = r"(?![\s\S])"

_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DAY_31 = r"(?:0?[1-9]|[12][0-9]|3[01])"
_DAY_30 = r"(?:0?[1-9]|[12][0-9]|30)"
_DAY_28 = r"(?:0?[1-9]|1[0-9]|2[0-8])"
_DATE = (
    r"(?!0000)(?:"
    + _LEAP_YEAR
    + r"-0?2-29|[0-9]{4}-(?:(?:0?[13578]|1[02])-"
    + _DAY_31
    + r"|(?:0?[469]|11)-"
    + _DAY_30
    + r"|0?2-"
    + _DAY_28
    + r"))"
)
_TIME = r"(?:[01]?[0-9]|2[0-3]):[0-5]?[0-9](?::[0-5]?[0-9](?:\.[0-9]+)?)?"
_OFFSET = r"(?:Z|[+-](?:(?:[01][0-9]|2[0-2])(?::?[0-9]{2})?|23(?::?[0-5][0-9])?))"

#: The text a :class:`~qiskit_models.validation.fields.Date` field loads.
DATE_PATTERN = "^" + _DATE + END

#: The text a :class:`~qiskit_models.validation.fields.DateTime` field loads.
DATETIME_PATTERN = "^" + _DATE + "[T ]" + _TIME + _OFFSET + "?" + END

_FLAG_LETTERS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"), (re.ASCII, "a"))
_LEADING_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


def _split(regex: "re.Pattern[str]") -> Tuple[str, str]:
    """Return ``(flag letters, pattern without leading global flags)``."""
    pattern = regex.pattern
    letters = ""
    match = _LEADING_FLAGS.match(pattern)
    while match:
        letters += match.group(1)
        pattern = pattern[match.end() :]
        match = _LEADING_FLAGS.match(pattern)
    for flag, letter in _FLAG_LETTERS:
        if regex.flags & flag and letter not in letters:
            letters += letter
    return "".join(sorted(set(letters) - {"u"})), pattern


def start_pattern(regex: "re.Pattern[str]") -> str:
    """Return a pattern that matches at position 0 exactly when ``regex.match`` does.

    Flags become a scoped group (``(?i:...)``), so the result can be embedded
    in a larger pattern.

    Args:
        regex: a compiled pattern, as marshmallow's ``Regexp`` keeps it.

    Returns:
        The pattern, without a leading ``^``.
    """
    letters, pattern = _split(regex)
    if letters:
        return f"(?{letters}:{pattern})"
    return f"(?:{pattern})"


def anchored(regex: "re.Pattern[str]") -> str:
    """Return a JSON Schema ``pattern`` equivalent to ``regex.match`` (start-anchored).

    Args:
        regex: a compiled pattern.

    Returns:
        ``^(?:pattern)``, with the flags kept.
    """
    letters, pattern = _split(regex)
    if pattern.startswith("^") and "|" not in pattern and not letters:
        return pattern
    return "^" + start_pattern(regex)


def exactly(texts: Sequence[str]) -> str:
    """Return a start pattern that matches exactly the given strings and nothing longer.

    Args:
        texts: the accepted strings.

    Returns:
        A pattern without a leading ``^``.
    """
    return "(?:" + "|".join(re.escape(text) for text in texts) + ")" + END


def first_match_pattern(starts: Sequence[str], index: int) -> str:
    """Return the pattern of the strings that ``starts[index]`` matches and no later one does.

    ``PatternProperties`` checks a key's value with the field of the *last* key
    validator that accepts the key; JSON Schema's ``patternProperties`` applies
    every matching pattern.  Excluding the later patterns makes them agree.

    Args:
        starts: start patterns (see :func:`start_pattern`), in validator order.
        index: which one.

    Returns:
        A JSON Schema ``pattern``.
    """
    later = "".join(f"(?!{start})" for start in starts[index + 1 :])
    if not later:
        return "^" + starts[index]
    return f"^(?={starts[index]}){later}"
