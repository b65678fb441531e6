"""Validators beyond marshmallow's own: ``Or`` and ``PatternProperties``.

marshmallow's validators (``OneOf``, ``Range``, ``Length``, ``Regexp``, ...)
work with qiskit-models fields unchanged; import them from
:mod:`marshmallow.validate`.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional

from marshmallow import ValidationError
from marshmallow import validate as _validate
from marshmallow.validate import Validator

__all__ = ["OneOf", "Or", "PatternProperties"]

#: Longest representation of a rejected value quoted in an error message.
_QUOTE_LIMIT = 80


class OneOf(_validate.OneOf):
    """marshmallow's ``OneOf`` whose message shows the rejected value, shortened if long.

    The default message is ``Must be one of: A, B, C (got 'x').``; a custom
    ``error`` may use ``{input}`` (the quoted value), ``{choices}`` and ``{labels}``.

    Args:
        choices: the accepted values.
        labels: labels of the choices for the message.
        error: the message template.
    """

    default_message = "Must be one of: {choices} (got {input})."

    def _format_error(self, value: Any) -> str:
        text = repr(value)
        if len(text) > _QUOTE_LIMIT:
            text = text[: _QUOTE_LIMIT - 3] + "..."
        return self.error.format(input=text, choices=self.choices_text, labels=self.labels_text)


class Or(Validator):
    """Accept a value that at least one of ``validators`` accepts.

    Args:
        validators: the validators, tried in order.
        error: the message when all of them reject the value.
    """

    default_error = "Data could not be validated against any validator"
    error: str

    def __init__(self, validators: Iterable[Any], error: Optional[str] = None) -> None:
        self.validators = list(validators)
        self.error = error or self.default_error

    def _repr_args(self) -> str:
        return f"validators={self.validators!r}"

    def __call__(self, value: Any) -> Any:
        for validator in self.validators:
            try:
                return validator(value)
            except ValidationError:
                continue
        raise ValidationError(self.error)


class PatternProperties(Validator):
    """Check the keys of a mapping against patterns and their values against fields.

    Every key must be accepted by at least one key validator (typically a
    ``Regexp``); its value is then loaded by the field of the last validator
    that accepted the key.  A model (``Obj``) is checked through its payload keys.

    Args:
        pattern_properties: a mapping of key validator to value field.
    """

    def __init__(self, pattern_properties: Mapping[Any, Any]) -> None:
        self.pattern_properties = dict(pattern_properties)

    def _repr_args(self) -> str:
        return f"pattern_properties={self.pattern_properties!r}"

    def __call__(self, value: Any) -> Any:
        items = _items_of(value)
        errors: Dict[Any, List[Any]] = {}
        for key, item in items.items():
            field = None
            key_errors: List[Any] = []
            for key_validator, value_field in self.pattern_properties.items():
                try:
                    key_validator(key)
                except ValidationError as error:
                    key_errors = list(error.messages) if isinstance(error.messages, list) else [error.messages]
                    continue
                field = value_field
            if field is None:
                errors[key] = key_errors
                continue
            try:
                field.deserialize(item)
            except ValidationError as error:
                errors[key] = error.messages if isinstance(error.messages, list) else [error.messages]
        if errors:
            raise ValidationError(errors)
        return value


def _items_of(value: Any) -> Mapping[Any, Any]:
    if isinstance(value, Mapping):
        return value
    payload_items = getattr(value, "_payload_items", None)
    if callable(payload_items):
        items: Mapping[Any, Any] = payload_items()
        return items
    return dict(getattr(value, "__dict__", {}))
