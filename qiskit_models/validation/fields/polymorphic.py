"""Fields whose value may have one of several types or schemas.

Implemented here rather than on ``marshmallow-polyfield``, which is unmaintained
and fails on marshmallow 4.

* :class:`ByType` - a value that satisfies one of several fields.
* :class:`TryFrom` - a model loaded by the first of several schemas that accepts it.
* :class:`ByAttribute` - a model whose schema is chosen by the keys it has.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Type, Union

from marshmallow import Schema, ValidationError

from qiskit_models.validation.base import ModelTypeValidator, quote_value
from qiskit_models.validation.fields.containers import check_item

__all__ = ["BasePolyField", "ByAttribute", "ByType", "TryFrom"]

_NO_SCHEMA = "Cannot find a valid schema among the choices"
_SEQUENCES = (list, tuple)


class ByType(ModelTypeValidator):
    """A value accepted by the first of several fields.

    Each choice is applied completely, validators included, on load (its
    deserializer) and on construction (its check); dumping uses the first
    choice whose check accepts the value.

    Args:
        choices: the field instances, in order of preference.
        **kwargs: marshmallow field options.
    """

    def __init__(self, choices: Sequence[Any], *args: Any, **kwargs: Any) -> None:
        self.choices = list(choices)
        super().__init__(*args, **kwargs)

    @property
    def choice_fields(self) -> List[Any]:
        """The choice fields (for tools that walk a schema)."""
        return self.choices

    def _bind_to_schema(self, field_name: str, parent: Any) -> None:
        super()._bind_to_schema(field_name, parent)
        for choice in self.choices:
            choice._bind_to_schema(field_name, self)  # noqa: SLF001

    def _no_fit(self, value: Any) -> ValidationError:
        names = ", ".join(type(choice).__name__ for choice in self.choices)
        return ValidationError(f"Value {quote_value(value)} does not fit any of the types: {names}.")

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept a value that one of the choices' checks accepts."""
        for choice in self.choices:
            try:
                check_item(choice, value)
            except (ValidationError, ValueError, TypeError):
                continue
            return value
        raise self._no_fit(value)

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        for choice in self.choices:
            try:
                return choice.deserialize(value, attr, data)
            except (ValidationError, ValueError, TypeError):
                continue
        raise self._no_fit(value)

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        if value is None:
            return None
        for choice in self.choices:
            try:
                check_item(choice, value)
            except (ValidationError, ValueError, TypeError):
                continue
            return choice._serialize(value, attr, obj, **kwargs)  # noqa: SLF001
        raise self._no_fit(value)


class BasePolyField(ModelTypeValidator):
    """Base of the fields that hold models of one of several schemas.

    Args:
        choices: the schema classes, as a list or tuple, or a mapping whose
            values are the schema classes.
        many: the field holds a list of such models.
        **metadata: marshmallow field options.

    Raises:
        ValueError: ``choices`` is neither a sequence nor a mapping.
    """

    def __init__(
        self,
        choices: Union[Sequence[Type[Schema]], Mapping[str, Type[Schema]]],
        many: bool = False,
        **metadata: Any,
    ) -> None:
        if not isinstance(choices, (list, tuple, Mapping)):
            raise ValueError("choices must be a list, a tuple or a mapping of schema classes")
        self._choices = choices
        self.many = many
        self._schemas: Optional[Dict[Type[Schema], Schema]] = None
        super().__init__(**metadata)

    @property
    def choice_classes(self) -> List[Type[Schema]]:
        """The schema classes, in order of preference."""
        values = self._choices.values() if isinstance(self._choices, Mapping) else self._choices
        return list(values)

    def schema_for(self, schema_cls: Type[Schema]) -> Schema:
        """Return this field's instance of one of its schema classes."""
        schemas = self._schemas
        if schemas is None:
            schemas = self._schemas = {cls: cls() for cls in self.choice_classes}
        return schemas[schema_cls]

    @property
    def choice_schemas(self) -> List[Schema]:
        """The schema instances, in order of preference (for tools that walk a schema)."""
        return [self.schema_for(cls) for cls in self.choice_classes]

    def _model_classes(self) -> Tuple[type, ...]:
        return tuple(getattr(schema, "model_cls") for schema in self.choice_schemas)  # noqa: B009

    def to_dict_selector(self, choices: Any, *args: Any, **_: Any) -> Any:
        """Return the schema class that writes ``args[0]`` (an object), or ``None``."""
        raise NotImplementedError

    def from_dict_selector(self, choices: Any, *args: Any, **_: Any) -> Any:
        """Return the schema class that reads ``args[0]`` (a mapping), or ``None``."""
        raise NotImplementedError

    def _load_item(self, item: Any) -> Any:
        raise NotImplementedError

    # -- the three paths, shared by the subclasses ------------------------------

    def _each(self, value: Any, function: Any) -> Any:
        if not self.many:
            return function(value)
        if not isinstance(value, _SEQUENCES):
            raise ValidationError("Not a valid list.")
        result = []
        errors: Dict[int, Any] = {}
        for index, item in enumerate(value):
            try:
                result.append(function(item))
            except ValidationError as error:
                errors[index] = error.messages
        if errors:
            raise ValidationError(errors)
        return result

    def _check_item(self, item: Any) -> Any:
        models = self._model_classes()
        if not isinstance(item, models):
            raise self._not_expected_type(item, models)
        return item

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Accept a model of one of the choices (a list of them with ``many``)."""
        self._each(value, self._check_item)
        return value

    def _deserialize(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        return self._each(value, self._load_or_keep)

    def _load_or_keep(self, item: Any) -> Any:
        if not isinstance(item, Mapping):
            if isinstance(item, self._model_classes()):
                return item
            raise ValidationError({"_schema": ["Invalid input type."]})
        return self._load_item(item)

    def _dump_item(self, item: Any) -> Any:
        schema_cls = self.to_dict_selector(self._choices, item)
        if schema_cls is None:
            names = ", ".join(cls.__name__ for cls in self.choice_classes)
            raise ValidationError(
                f"Cannot write {quote_value(item)} ({type(item).__name__}): "
                f"it is not a model of any of the choices ({names})."
            )
        return self.schema_for(schema_cls).dump(item, many=False)

    def _serialize(self, value: Any, attr: Optional[str], obj: Any, **kwargs: Any) -> Any:
        if value is None:
            return None
        return self._each(value, self._dump_item)

    def _select_for_object(self, item: Any) -> Optional[Type[Schema]]:
        classes = self.choice_classes
        # ``model_cls``: set on the schemas by bind_schema
        for schema_cls in classes:
            if type(item) is getattr(self.schema_for(schema_cls), "model_cls"):  # noqa: B009
                return schema_cls
        for schema_cls in classes:
            if isinstance(item, getattr(self.schema_for(schema_cls), "model_cls")):  # noqa: B009
                return schema_cls
        return None


class TryFrom(BasePolyField):
    """A model loaded by the first schema of ``choices`` that accepts the payload.

    Unknown keys are kept by every schema, so the first schema whose fields are
    all satisfied wins; the payload is loaded once.

    Args:
        choices: the schema classes, in order of preference.
        many: the field holds a list of such models.
        **metadata: marshmallow field options.
    """

    def to_dict_selector(self, choices: Any, *args: Any, **_: Any) -> Any:
        """Return the schema class of the model ``args[0]``."""
        return self._select_for_object(args[0])

    def from_dict_selector(self, choices: Any, *args: Any, **_: Any) -> Any:
        """Return the first schema class that loads the mapping ``args[0]``."""
        for schema_cls in self.choice_classes:
            try:
                self.schema_for(schema_cls).load(args[0], many=False)
            except ValidationError:
                continue
            return schema_cls
        return None

    def _load_item(self, item: Any) -> Any:
        for schema_cls in self.choice_classes:
            try:
                return self.schema_for(schema_cls).load(item, many=False)
            except ValidationError:
                continue
        raise ValidationError(_NO_SCHEMA)


class ByAttribute(BasePolyField):
    """A model whose schema is chosen by the first of ``choices``'s keys the payload has.

    Args:
        choices: a mapping of payload key to schema class, in order of preference.
        many: the field holds a list of such models.
        **metadata: marshmallow field options.
    """

    def to_dict_selector(self, choices: Any, *args: Any, **_: Any) -> Any:
        """Return the schema class of the model ``args[0]``."""
        return self._select_for_object(args[0])

    def from_dict_selector(self, choices: Any, *args: Any, **_: Any) -> Any:
        """Return the schema class of the first choice key present in the mapping ``args[0]``."""
        mapping = self._choices if isinstance(self._choices, Mapping) else {}
        for key, schema_cls in mapping.items():
            if key in args[0]:
                return schema_cls
        return None

    def _load_item(self, item: Any) -> Any:
        schema_cls = self.from_dict_selector(self._choices, item)
        if schema_cls is None:
            raise ValidationError(_NO_SCHEMA)
        return self.schema_for(schema_cls).load(item, many=False)
