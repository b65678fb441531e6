"""Exceptions of the validation layer."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Type, Union

from marshmallow import ValidationError

from qiskit_models.exceptions import QiskitModelsError

__all__ = ["ModelValidationError", "ErrorPath", "flatten_messages", "format_path"]

#: A location inside a payload: field names and list indexes, outermost first.
ErrorPath = Tuple[Union[str, int], ...]

_SCHEMA = "_schema"


def flatten_messages(messages: Any, prefix: ErrorPath = ()) -> List[Tuple[ErrorPath, str]]:
    """List every message of a marshmallow ``messages`` structure with its path.

    Args:
        messages: a string, a list of messages or a dictionary keyed by field
            name or list index, nested arbitrarily (the shape of
            ``ValidationError.messages``).
        prefix: the path of ``messages`` itself.

    Returns:
        ``(path, message)`` pairs in the order of the structure; ``_schema`` keys,
        which marshmallow uses for errors about the object itself, are left out
        of the path.
    """
    found: List[Tuple[ErrorPath, str]] = []
    stack: List[Tuple[ErrorPath, Any]] = [(prefix, messages)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, Mapping):
            children = [
                (path if key == _SCHEMA else path + (key,), value) for key, value in item.items()
            ]
            stack.extend(reversed(children))
        elif isinstance(item, (list, tuple)):
            stack.extend((path, value) for value in reversed(item))
        else:
            found.append((path, str(item)))
    return found


def format_path(path: Sequence[Union[str, int]]) -> str:
    """Write a payload path the way Python code would reach it.

    Args:
        path: field names and list indexes, outermost first.

    Returns:
        For example ``qubits[3][1].value``; ``<root>`` for the empty path.
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif text:
            text += f".{part}"
        else:
            text = str(part)
    return text or "<root>"


class ModelValidationError(QiskitModelsError, ValidationError, ValueError):
    """A payload or constructor argument does not satisfy the model's schema.

    Raised by ``Model.from_dict``, ``Model(...)`` and ``model.to_dict()``. It is a
    :class:`marshmallow.ValidationError` (so ``except ValidationError`` keeps
    working), a :class:`ValueError` and a
    :class:`~qiskit_models.exceptions.QiskitModelsError`.

    Attributes:
        messages: the errors, keyed by field name and, for list items, by integer
            index, exactly as marshmallow reports them, for example
            ``{"qubits": {3: {1: {"value": ["Not a valid number."]}}}}``.
        field_name: ``"_schema"`` for errors about a whole payload.
        data: the payload or constructor arguments that failed, when known.
        valid_data: what marshmallow could load before failing, when known.
        message: ``str(messages)`` (kept for the legacy API).
    """

    def __init__(
        self,
        message: Union[str, List[Any], Dict[Any, Any]],
        field_name: str = _SCHEMA,
        data: Optional[Any] = None,
        valid_data: Optional[Any] = None,
        **kwargs: Any,
    ) -> None:
        ValidationError.__init__(self, message, field_name, data, valid_data, **kwargs)
        self.message = str(message)

    def errors(self) -> List[Tuple[ErrorPath, str]]:
        """List every error with the path of the field it concerns.

        Returns:
            ``(path, message)`` pairs, for example
            ``(("qubits", 3, 1, "value"), "Not a valid number.")``.
        """
        return flatten_messages(self.messages)

    def __str__(self) -> str:
        lines = [f"{format_path(path)}: {message}" for path, message in self.errors()]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} validation errors:\n" + "\n".join(f"  {line}" for line in lines)

    def __reduce__(self) -> Any:
        return (
            _rebuild_error,
            (type(self), self.messages, self.field_name, self.data, self.valid_data, self.kwargs),
        )


def _rebuild_error(
    cls: Type[ModelValidationError], messages: Any, field_name: str, data: Any, valid_data: Any, kwargs: Dict[str, Any]
) -> ModelValidationError:
    return cls(messages, field_name, data, valid_data, **kwargs)
