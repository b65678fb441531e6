"""Exact comparison of JSON payloads, used to check round trips.

Stricter than ``==``: ``True`` is not ``1`` and ``[1]`` is not ``(1,)``; an
``int`` and a ``float`` with the same value are the same number.
"""

from __future__ import annotations

from typing import Any, List, Tuple, Union

from qiskit_models.validation.exceptions import format_path

__all__ = ["payload_differences", "payloads_equal"]

_Path = Tuple[Union[str, int], ...]

_NUMBERS = (int, float)


def _same(left: Any, right: Any) -> bool:
    """Tell quickly whether two JSON values are exactly equal (``False`` when unsure).

    Only ``dict``, ``list`` and JSON scalars are compared here; anything else,
    and any difference, is left to the walk that names the differences.
    """
    kind = type(left)
    if kind is not type(right):
        return kind in _NUMBERS and type(right) in _NUMBERS and left == right
    try:
        if kind is dict:
            same: bool = left.keys() == right.keys() and all(_same(item, right[key]) for key, item in left.items())
            return same
        if kind is list:
            return len(left) == len(right) and all(map(_same, left, right))
    except RecursionError:
        return False
    if kind is float:
        equal: bool = left == right or (left != left and right != right)
        return equal
    return (kind is str or kind is int or kind is bool or left is None) and left == right


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def payload_differences(expected: Any, actual: Any, limit: int = 10) -> List[str]:
    """List where two JSON payloads differ.

    Args:
        expected: the original payload.
        actual: the payload to compare with it.
        limit: stop after this many differences.

    Returns:
        One line per difference, such as ``qubits[0][1].date: '...Z' != '...+00:00'``;
        empty when the payloads are equal.
    """
    found: List[str] = []
    stack: List[Tuple[_Path, Any, Any]] = [((), expected, actual)]
    while stack and len(found) < limit:
        path, left, right = stack.pop()
        if _same(left, right):
            continue  # the common case, decided without naming kinds or building paths
        left_kind, right_kind = _kind(left), _kind(right)
        if left_kind != right_kind:
            found.append(f"{format_path(path)}: {left_kind} {_short(left)} became {right_kind} {_short(right)}")
        elif left_kind == "object":
            for key in left.keys() - right.keys():
                found.append(f"{format_path(path + (key,))}: missing from the result")
            for key in right.keys() - left.keys():
                found.append(f"{format_path(path + (key,))}: not in the original")
            stack.extend((path + (key,), left[key], right[key]) for key in reversed(list(left)) if key in right)
        elif left_kind == "array":
            if len(left) != len(right):
                found.append(f"{format_path(path)}: {len(left)} items became {len(right)}")
            else:
                stack.extend((path + (index,), item, right[index]) for index, item in reversed(list(enumerate(left))))
        elif left != right and not (left_kind == "number" and left != left and right != right):
            found.append(f"{format_path(path)}: {_short(left)} != {_short(right)}")
    return found[:limit]


def payloads_equal(expected: Any, actual: Any) -> bool:
    """Tell whether two JSON payloads are exactly equal (see the module documentation).

    Args:
        expected: one payload.
        actual: the other.

    Returns:
        Whether they are equal.
    """
    return not payload_differences(expected, actual, limit=1)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
