"""Fields for values that JSON has no type for: complex numbers."""

from __future__ import annotations

import math
import numbers
from typing import Any, Optional

from qiskit_models.validation._values import to_json
from qiskit_models.validation.base import ModelTypeValidator, quote_value

__all__ = ["Complex", "InstructionParameter"]


def _is_complex(value: Any) -> bool:
    return isinstance(value, numbers.Complex) and not isinstance(value, numbers.Real)


def _is_real(value: Any) -> bool:
    kind = type(value)
    if kind is float or kind is int:
        return True
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


class Complex(ModelTypeValidator):
    """A complex number: ``[real, imag]`` in payloads, :class:`complex` on models.

    Loading accepts a two-item list or tuple of real numbers, or a ``complex``
    (numpy complex scalars too), and returns a built-in ``complex``.
    Construction accepts a ``complex``.  NaN and infinity are rejected unless
    ``allow_nan=True``.  Dumping writes ``[real, imag]`` as two floats.

    Args:
        allow_nan: accept NaN and infinite parts.
        **kwargs: marshmallow field options.
    """

    valid_types = (complex,)
    default_error_messages = {
        "invalid": "{input} cannot be parsed as a complex number.",
        "format": '"{input}" cannot be formatted as complex number.',
        "special": "Special numeric values (nan or infinity) are not permitted.",
    }

    def __init__(self, *, allow_nan: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.allow_nan = allow_nan

    def _finite(self, value: complex) -> complex:
        if not self.allow_nan and not (math.isfinite(value.real) and math.isfinite(value.imag)):
            raise self.make_error("special")
        return value

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept a complex number (``complex`` or a numpy complex scalar)."""
        if not _is_complex(value):
            raise self._not_expected_type(value, complex)
        self._finite(complex(value))
        return value

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        if type(value) is list or type(value) is tuple:
            if len(value) == 2:
                real, imag = value
                if _is_real(real) and _is_real(imag):
                    try:
                        number = complex(real, imag)
                    except OverflowError:
                        raise self.make_error("invalid", input=quote_value(value)) from None
                    return self._finite(number)
        elif _is_complex(value):
            return self._finite(complex(value))
        raise self.make_error("invalid", input=quote_value(value))

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, numbers.Complex) and not isinstance(value, bool):
            return [float(value.real), float(value.imag)]
        raise self.make_error("format", input=quote_value(value))


def _is_numpy(value: Any) -> bool:
    return type(value).__module__ == "numpy"


def _is_parameter_expression(value: Any) -> bool:
    """Duck-type Qiskit's ``ParameterExpression``: it has ``parameters`` and a float value."""
    return hasattr(value, "parameters") and hasattr(type(value), "__float__") and not isinstance(value, (int, float, complex))


class InstructionParameter(ModelTypeValidator):
    """A parameter of a quantum instruction: a number, a string or a list of them.

    * Loading accepts ``int``, ``float`` and ``str`` leaves in (nested) lists
      and tuples, and returns lists; ``bool``, mappings and ``None`` are rejected.
    * Construction also accepts ``complex``, numpy numbers and arrays, and
      objects like Qiskit's ``ParameterExpression`` (anything with a
      ``parameters`` attribute that converts to ``float``); list items are
      checked one level deep.
    * Dumping writes lists for sequences and arrays, ``[real, imag]`` for
      complex numbers, built-in numbers for numpy scalars, ``float(value)`` for a
      bound parameter expression (an unbound one is an error) and the
      ``to_dict()`` of any object that has one.
    """

    default_error_messages = {
        "invalid": "{input} cannot be parsed as a parameter.",
        "format": '"{input}" cannot be formatted as a parameter.',
    }

    def _accepted(self, value: Any) -> bool:
        if isinstance(value, bool) or type(value).__name__ in ("bool_", "bool"):
            return False
        if isinstance(value, (int, float, complex, str, list)) or _is_parameter_expression(value):
            return True
        return _is_numpy(value) and (isinstance(value, numbers.Number) or hasattr(value, "shape"))

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept a parameter value (see the class documentation), without converting it."""
        if not self._accepted(value):
            raise self._not_expected_type(value, (complex, int, float, str, list))
        if isinstance(value, list) or (_is_numpy(value) and getattr(value, "shape", ()) != ()):
            for item in value:
                if not self._accepted(item):
                    raise self._not_expected_type(item, (complex, int, float, str, list))
        return value

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return [self._deserialize(item, attr, data) for item in value]
        if type(value) in (int, float, str):
            return value
        raise self.make_error("invalid", input=quote_value(value))

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        if value is None:
            raise self.make_error("format", input=quote_value(value))
        if isinstance(value, (list, tuple)):
            return [self._serialize(item, attr, obj) for item in value]
        if _is_numpy(value) and hasattr(value, "tolist"):
            return self._serialize(value.tolist(), attr, obj)
        if isinstance(value, complex):
            return [float(value.real), float(value.imag)]
        if isinstance(value, bool):
            raise self.make_error("format", input=quote_value(value))
        if isinstance(value, str):
            return str(value)
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            return float(value)
        if _is_parameter_expression(value):
            if getattr(value, "parameters", None):
                raise self.make_error("invalid", input=quote_value(value))
            return float(value)
        to_dict = getattr(value, "to_dict", None)
        if callable(to_dict):
            return to_json(to_dict())
        raise self.make_error("format", input=quote_value(value))
