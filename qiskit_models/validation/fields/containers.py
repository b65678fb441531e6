"""Container fields: ``List``, ``Nested`` and ``Dict``.

They apply their item field to every item on both paths (loading and
construction), validators included, and report item errors keyed by integer
index (``{"tags": {1: ["Not a valid string."]}}``).
"""

from __future__ import annotations

from typing import Any, Dict as DictT, List as ListT, Mapping, Optional

from marshmallow import ValidationError, fields as _fields

from qiskit_models.validation import _compat
from qiskit_models.validation._values import check_depth, copy_value, to_json
from qiskit_models.validation.base import ModelTypeValidator

__all__ = ["Dict", "List", "Nested"]

_SEQUENCES = (list, tuple)


def check_item(field: Any, value: Any) -> Any:
    """Apply a field's constructor check to one value.

    A qiskit-models field checks without converting; any other marshmallow
    field deserializes the value (the result is thrown away).

    Args:
        field: the field.
        value: the value.

    Returns:
        ``value``.

    Raises:
        ValidationError: the value is not accepted.
    """
    if isinstance(field, ModelTypeValidator):
        return field.check_value(value)
    field.deserialize(value)
    return value


class List(_compat.ListFieldBase, ModelTypeValidator):
    """A list whose items all satisfy ``cls_or_instance``.

    Accepts a ``list`` or ``tuple`` (loading returns a new ``list``); strings,
    mappings and sets are rejected.

    Args:
        cls_or_instance: the field of the items.
        **kwargs: marshmallow field options.
    """

    valid_types = (list, tuple)

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept a list or tuple whose items pass the item field's check."""
        if not isinstance(value, _SEQUENCES):
            raise self.make_error("invalid")
        errors: DictT[int, Any] = {}
        inner = self.inner
        for index, item in enumerate(value):
            try:
                check_item(inner, item)
            except ValidationError as error:
                errors[index] = error.messages
        if errors:
            raise ValidationError(errors)
        return value

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        if not isinstance(value, _SEQUENCES):
            raise self.make_error("invalid")
        result: ListT[Any] = []
        errors: DictT[int, Any] = {}
        inner = self.inner
        for index, item in enumerate(value):
            try:
                result.append(inner.deserialize(item, **kwargs))
            except ValidationError as error:
                if error.valid_data is not None:
                    result.append(error.valid_data)
                errors[index] = error.messages
        if errors:
            raise ValidationError(errors, valid_data=result)
        return result

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, _SEQUENCES):
            raise self.cannot_write(value, "a list")
        inner = self.inner
        result = []
        for index, item in enumerate(value):
            try:
                result.append(inner._serialize(item, attr, obj, **kwargs))  # noqa: SLF001
            except ValidationError as error:
                raise ValidationError({index: error.messages}) from None
        return result


class Nested(_fields.Nested, ModelTypeValidator):
    """A model (or, with ``many=True``, a list of models) described by another schema.

    Loading accepts a mapping (loaded by the nested schema into its model) or an
    already-built model of the right class, kept as it is.  Construction accepts
    built models only and does not validate them again.

    Args:
        nested: the schema class or instance (or a callable returning one).
        many: a list of models.
        **kwargs: marshmallow ``Nested`` options.
    """

    @property
    def model_cls(self) -> type:
        """The class of the models this field holds."""
        model_cls: type = getattr(self.schema, "model_cls")  # noqa: B009 - set on the schema by bind_schema
        return model_cls

    def _expected_types(self) -> Any:
        return self.model_cls

    def _check_one(self, value: Any) -> Any:
        model_cls = self.model_cls
        if not isinstance(value, model_cls):
            raise self._not_expected_type(value, model_cls)
        return value

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept a model of the nested schema's class (a list of them with ``many``)."""
        if not self._many:
            return self._check_one(value)
        if not isinstance(value, _SEQUENCES):
            raise self.make_error("type", input=value, type=type(value).__name__)
        errors: DictT[int, Any] = {}
        for index, item in enumerate(value):
            try:
                self._check_one(item)
            except ValidationError as error:
                errors[index] = error.messages
        if errors:
            raise ValidationError(errors)
        return value

    @property
    def _many(self) -> bool:
        return bool(self.many or self.schema.many)

    def _load_one(self, value: Any, partial: Any) -> Any:
        if isinstance(value, self.model_cls) and not isinstance(value, Mapping):
            return value
        return self.schema.load(value, many=False, unknown=self.unknown, partial=partial)

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, partial: Any = None, **kwargs: Any) -> Any:
        if not self._many:
            return self._load_one(value, partial)
        if not isinstance(value, _SEQUENCES):
            raise self.make_error("type", input=value, type=type(value).__name__)
        result: ListT[Any] = []
        errors: DictT[int, Any] = {}
        for index, item in enumerate(value):
            try:
                result.append(self._load_one(item, partial))
            except ValidationError as error:
                errors[index] = error.messages
        if errors:
            raise ValidationError(errors, valid_data=result)
        return result

    def _dump_one(self, value: Any) -> Any:
        # marshmallow would write an int, a string or a list as ``{}``: data lost silently
        if not isinstance(value, Mapping) and not hasattr(value, "__dict__"):
            raise self.cannot_write(value, "a model")
        return self.schema.dump(value, many=False)

    # marshmallow's Nested names the first parameter ``nested_obj``, its Field ``value``:
    # no name satisfies both supertypes.
    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if value is None:
            return None
        if not self._many:
            return self._dump_one(value)
        if not isinstance(value, _SEQUENCES):
            raise self.cannot_write(value, "a list of models")
        result = []
        for index, item in enumerate(value):
            try:
                result.append(self._dump_one(item))
            except ValidationError as error:
                raise ValidationError({index: error.messages}) from None
        return result


class Dict(_fields.Dict, ModelTypeValidator):
    """A mapping, optionally with a field for its keys and one for its values.

    Without a value field the values are passed through (lists and dictionaries
    in them may nest at most 100 levels deep) and written back as JSON types.
    Loading returns a new ``dict``, with new lists and dictionaries inside.

    Args:
        keys: the field of the keys, or ``None``.
        values: the field of the values, or ``None``.
        **kwargs: marshmallow field options.
    """

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept a mapping whose keys and values pass their fields' checks."""
        if not isinstance(value, Mapping):
            raise self.make_error("invalid")
        errors: DictT[Any, DictT[str, Any]] = {}
        for key, item in value.items():
            if self.key_field is not None:
                try:
                    check_item(self.key_field, key)
                except ValidationError as error:
                    errors.setdefault(key, {})["key"] = error.messages
            try:
                if self.value_field is None:
                    check_depth(item)
                else:
                    check_item(self.value_field, item)
            except ValidationError as error:
                errors.setdefault(key, {})["value"] = error.messages
        if errors:
            raise ValidationError(errors)
        return value

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        result = super()._deserialize(value, attr, data, **kwargs)  # type: ignore[no-untyped-call]  # marshmallow's is untyped
        if self.value_field is None:
            errors = {}
            for key, item in result.items():
                try:
                    result[key] = copy_value(item)
                except ValidationError as error:
                    errors[key] = {"value": error.messages}
            if errors:
                raise ValidationError(errors, valid_data=result)
        return result

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise self.cannot_write(value, "a mapping")
        if self.key_field is None and self.value_field is None:
            return to_json(value if type(value) is dict else dict(value))
        result = {}
        for key, item in value.items():
            try:
                out_key = key if self.key_field is None else self.key_field._serialize(key, None, None)  # noqa: SLF001
                if self.value_field is None:
                    result[out_key] = to_json(item)
                else:
                    result[out_key] = self.value_field._serialize(item, None, None)  # noqa: SLF001
            except ValidationError as error:
                raise ValidationError({key: error.messages}) from None
        return result
