"""Models and schemas: the base classes and the decorator that binds them.

A model is a plain Python object whose attributes are validated by a marshmallow
schema::

    class PersonSchema(BaseSchema):
        name = fields.String(required=True)

    @bind_schema(PersonSchema)
    class Person(BaseModel):
        pass

    Person(name="Ada")                       # checked at construction
    Person.from_dict({"name": "Ada", "x": 1})  # loaded and checked; ``x`` is kept
    person.to_dict()                         # written back, ``x`` included

Payload keys and attributes
    A payload key becomes an instance attribute when it is a Python identifier
    that does not start with ``_`` and does not name anything the model class
    defines (a method, a property, ``schema``, ...).  Every other key (``_data``,
    ``"a-b"``, ``"to_dict"``, ``"__class__"``) is kept aside so that it can never
    hide or break the model's own machinery.  ``model[key]`` reads any payload
    key, whichever way it is stored; ``to_dict`` writes all of them back.
    Attributes that code sets later and whose names start with ``_`` are
    private: they are never written out and take no part in ``==``.
"""

from __future__ import annotations

import functools
from types import SimpleNamespace
from typing import (
    Any,
    Mapping,
    Callable,
    ClassVar,
    Collection,
    Dict,
    FrozenSet,
    Iterable,
    List,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
)

from marshmallow import INCLUDE, Schema, ValidationError, post_load

from qiskit_models.json_types import JSONDict
from qiskit_models.validation import _compat
from qiskit_models.validation._binding import (
    BINDING_ATTRIBUTE,
    EXTRAS_ATTRIBUTE,
    Binding,
    binding_for,
    reserved_names,
    store_payload,
)
from qiskit_models.validation._values import to_json

__all__ = [
    "BaseModel",
    "BaseSchema",
    "ModelTypeValidator",
    "Obj",
    "ObjSchema",
    "bind_schema",
]

_ModelT = TypeVar("_ModelT", bound="BaseModel")
_C = TypeVar("_C", bound=Callable[..., Any])

#: Longest representation of a value quoted in an error message.
_QUOTE_LIMIT = 80


def quote_value(value: Any) -> str:
    """Quote a value for an error message, shortened if it is long.

    Args:
        value: the value.

    Returns:
        ``repr(value)``, cut to about 80 characters.
    """
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a broken __repr__ must not hide the real error
        text = f"<{type(value).__name__} object>"
    if len(text) > _QUOTE_LIMIT:
        text = text[: _QUOTE_LIMIT - 5] + "...)" if text[-1] in ")]}" else text[: _QUOTE_LIMIT - 3] + "..."
    return text


class ModelTypeValidator(_compat.AnyField):
    """A marshmallow field that can also check an already-built value.

    Every qiskit-models field derives from it.  Besides marshmallow's own
    load (``_deserialize``) and dump (``_serialize``), it defines
    :meth:`check_type`, the check that a model constructor applies to its
    arguments: same accepted types as loading, but no conversion.

    It also keeps marshmallow-3 plugin code working on marshmallow 4: its
    constructor accepts ``missing=``, ``default=`` and extra keyword arguments
    (stored as metadata), and :meth:`fail` raises an error by message key.

    Attributes:
        valid_types: the types :meth:`check_type` accepts by default.
    """

    valid_types: Tuple[type, ...] = (object,)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **_compat.translate_field_kwargs(kwargs))

    def _expected_types(self) -> Union[type, Tuple[type, ...]]:
        """Return the types :meth:`check_type` accepts."""
        return self.valid_types

    def check_type(self, value: Any, attr: Optional[str], data: Any, **kwargs: Any) -> Any:
        """Check that ``value`` has an accepted type, without converting it.

        Args:
            value: the value given to the model constructor.
            attr: the field name.
            data: all the constructor arguments.
            **kwargs: ignored.

        Returns:
            ``value`` itself.

        Raises:
            ValidationError: the value has another type.
        """
        expected = self._expected_types()
        if not isinstance(value, expected):
            raise self._not_expected_type(value, expected, fields=[self], field_names=attr, data=data)
        return value

    def check_value(self, value: Any) -> Any:
        """Run the whole constructor check on one value: null rule, type and validators.

        Containers use it for their items.

        Args:
            value: the value.

        Returns:
            ``value`` itself.

        Raises:
            ValidationError: the value is not accepted.
        """
        if value is None:
            if self.allow_none:
                return None
            raise self.make_error("null")
        value = self.check_type(value, self.name, None)
        self._validate(value)
        return value

    @staticmethod
    def _not_expected_type(
        value: Any, type_: Union[type, Collection[type]], **kwargs: Any
    ) -> ValidationError:
        """Build the legacy construct-path error ``Value 'v' <type>: is not the expected type T``.

        Args:
            value: the rejected value.
            type_: the expected type or types.
            **kwargs: passed to :class:`marshmallow.ValidationError`.

        Returns:
            The error (not raised).
        """
        if isinstance(type_, Collection) and not isinstance(type_, type) and len(type_) == 1:
            type_ = next(iter(type_))
        if isinstance(type_, type):
            message = f"Value {quote_value(value)} {type(value)}: is not the expected type {type_}"
        else:
            message = f"Value {quote_value(value)} {type(value)}: is none of the expected types {type_}"
        return ValidationError(message, **kwargs)

    def fail(self, key: str, **kwargs: Any) -> None:
        """Raise the error of ``self.error_messages[key]``, formatted with ``kwargs``.

        The marshmallow-3 helper that custom fields call; removed from
        marshmallow 4, provided here without deprecation warning.

        Args:
            key: the message key.
            **kwargs: values for the message's placeholders.

        Raises:
            ValidationError: always.
        """
        raise self.make_error(key, **kwargs)

    def make_error_serialize(self, key: str, **kwargs: Any) -> ValidationError:
        """Build the error of a value that cannot be written, by message key.

        The error is reported under the field's name by the schema.

        Args:
            key: the message key.
            **kwargs: values for the message's placeholders.

        Returns:
            The error (not raised).
        """
        return self.make_error(key, **kwargs)

    def cannot_write(self, value: Any, as_what: str) -> ValidationError:
        """Build the error of a value that this field cannot write to a payload.

        Args:
            value: the value.
            as_what: what the field writes, for example ``"an integer"``.

        Returns:
            The error (not raised).
        """
        return ValidationError(f"Cannot write {quote_value(value)} ({type(value).__name__}) as {as_what}.")

    def serialize(self, attr: str, obj: Any, accessor: Any = None, **kwargs: Any) -> Any:
        """Dump one attribute, reporting a failure under this field's payload key.

        Args:
            attr: the attribute name.
            obj: the object.
            accessor: how to read the attribute (see marshmallow).
            **kwargs: passed to ``_serialize``.

        Returns:
            The payload value.

        Raises:
            ValidationError: ``{key: messages}`` when the value cannot be written.
        """
        try:
            return super().serialize(attr, obj, accessor, **kwargs)
        except ValidationError as error:
            key = self.data_key or attr
            messages = error.messages
            if isinstance(messages, dict) and set(messages) == {key} and error.field_name == key:
                raise  # already keyed (a legacy field built it with the field name)
            raise ValidationError({key: messages}) from None


class BaseSchema(Schema):
    """Base class of the schemas bound to models.

    Unknown payload keys are kept (``unknown = INCLUDE``), loading builds the
    bound model (``model_cls``, set by :func:`bind_schema`), and dumping writes
    the model's unknown keys back.
    """

    class Meta:
        """Keep unknown keys."""

        unknown = INCLUDE

    model_cls: ClassVar[type] = SimpleNamespace

    def get_attribute(self, obj: Any, attr: str, default: Any) -> Any:
        """Read a declared field from a model, wherever the model stores it."""
        if isinstance(obj, BaseModel):
            return obj._wire_value(attr, default)
        return super().get_attribute(obj, attr, default)

    def declared_attributes(self) -> FrozenSet[str]:
        """Return the attribute names of the declared fields."""
        declared: Optional[FrozenSet[str]] = self.__dict__.get("_qm_declared")
        if declared is None:
            declared = frozenset(field.attribute or name for name, field in self.fields.items())
            self.__dict__["_qm_declared"] = declared
        return declared

    @_compat.post_dump_collection
    def dump_additional_data(
        self, valid_data: Any, original_data: Any, many: bool = False, **kwargs: Any
    ) -> Any:
        """Add the keys that no field declares to the dumped payload(s).

        Args:
            valid_data: the dumped payload, or list of payloads.
            original_data: the dumped object, or list of objects.
            many: whether a list was dumped.
            **kwargs: ignored.

        Returns:
            The completed payload(s).
        """
        if many:
            for payload, obj in zip(valid_data, original_data):
                self._add_unknown(payload, obj)
        else:
            self._add_unknown(valid_data, original_data)
        return valid_data

    def _add_unknown(self, payload: Dict[str, Any], obj: Any) -> None:
        declared = self.declared_attributes()
        if isinstance(obj, BaseModel):
            items: Iterable[Tuple[Any, Any]] = obj._unknown_items(declared)
        elif isinstance(obj, dict):
            items = ((key, value) for key, value in obj.items() if key not in declared)
        else:
            items = (
                (key, value)
                for key, value in getattr(obj, "__dict__", {}).items()
                if key[:1] != "_" and key not in declared
            )
        for key, value in items:
            if key in payload:
                continue
            try:
                payload[key] = to_json(value)
            except ValidationError as error:
                raise ValidationError({key: error.messages}) from None

    @post_load(pass_original=True)
    def make_model(self, data: Dict[Any, Any], original_data: Any = None, **kwargs: Any) -> Any:
        """Build the bound model from loaded data.

        The model's keys are the declared fields, in declaration order, then the
        unknown keys in the order of the payload.

        Args:
            data: the loaded data.
            original_data: the payload.
            **kwargs: ignored.

        Returns:
            The model instance.

        Raises:
            ValidationError: an unknown key is not a string or its value nests too
                deeply, or the model's ``__init__`` needs an argument that is missing.
        """
        model_cls = self.model_cls
        binding = model_cls.__dict__.get(BINDING_ATTRIBUTE) if isinstance(model_cls, type) else None
        if binding is None and isinstance(model_cls, type) and issubclass(model_cls, BaseModel):
            binding = binding_for(model_cls)
        if binding is None:
            return model_cls(**data)
        declared = self.declared_attributes()
        ordered = {key: value for key, value in data.items() if key in declared}
        if isinstance(original_data, Mapping):
            ordered.update((key, data[key]) for key in original_data if key in data and key not in declared)
        if len(ordered) != len(data):
            ordered.update((key, value) for key, value in data.items() if key not in ordered)
        binding.check_unknown(ordered, declared, copy=True)
        return binding.build(ordered)


def _plain_init(init: _C) -> _C:
    """Mark an ``__init__`` that only stores its arguments as attributes.

    Loaders may then fill a new instance directly instead of calling it, which
    is what makes loading large payloads fast.  The marked ``__init__`` must
    store every argument under its own name and nothing else.

    Args:
        init: the ``__init__`` function.

    Returns:
        The same function, marked.
    """
    setattr(init, "__qm_plain__", True)  # noqa: B010 - an attribute that functions do not declare
    return init


class BaseModel:
    """Base class of the models: objects whose attributes a schema validates.

    Bind a model to its schema with :func:`bind_schema`.  The constructor takes
    the payload's fields as keyword arguments, checks them against the schema
    (unless ``validate=False``) and stores them as attributes.

    Args:
        validate: check the arguments against the schema (default). ``False``
            stores them unchecked; it is a flag, never stored as data.
        **kwargs: the fields.
    """

    schema: ClassVar[BaseSchema]
    shallow_schema: ClassVar[BaseSchema]

    __hash__ = None  # type: ignore[assignment]  # unhashable: typeshed declares object.__hash__ a method

    @_plain_init
    def __init__(self, validate: bool = True, **kwargs: Any) -> None:
        store_payload(self, kwargs, _reserved(type(self)))

    # -- payload access -------------------------------------------------------

    def _wire_value(self, key: str, default: Any) -> Any:
        """Return the value that ``to_dict`` writes for the payload key ``key``.

        ``to_dict`` reads every declared field through this method before the
        field writes it.  A model whose attributes differ from the payload (for
        example quantities stored in SI units but sent in ns or GHz) overrides
        it to return the payload's value.

        Args:
            key: the field's attribute name.
            default: what to return when the model has no such value.

        Returns:
            The value.
        """
        extras = self.__dict__.get(EXTRAS_ATTRIBUTE)
        if extras and key in extras:
            return extras[key]
        if key[:1] == "_":
            return default
        value = self.__dict__.get(key, _ABSENT)
        if value is _ABSENT:
            return getattr(self, key, default)
        return value

    def _unknown_items(self, declared: FrozenSet[str]) -> List[Tuple[Any, Any]]:
        items = [
            (key, value)
            for key, value in self.__dict__.items()
            if key[:1] != "_" and key not in declared
        ]
        extras = self.__dict__.get(EXTRAS_ATTRIBUTE)
        if extras:
            items.extend((key, value) for key, value in extras.items() if key not in declared)
        return items

    def _payload_items(self) -> Dict[Any, Any]:
        items = {key: value for key, value in self.__dict__.items() if key[:1] != "_"}
        extras = self.__dict__.get(EXTRAS_ATTRIBUTE)
        if extras:
            items.update(extras)
        return items

    def __getitem__(self, key: Any) -> Any:
        """Read a payload key, whether it is stored as an attribute or kept aside.

        Args:
            key: the payload key, for example ``"a-b"``, ``"_data"`` or ``"status"``.

        Returns:
            Its value.

        Raises:
            KeyError: the model has no such payload key.
        """
        extras = self.__dict__.get(EXTRAS_ATTRIBUTE)
        if extras and key in extras:
            return extras[key]
        if type(key) is str and key[:1] != "_" and key in self.__dict__:
            return self.__dict__[key]
        raise KeyError(key)

    def __setitem__(self, key: Any, value: Any) -> None:
        """Set a payload key, stored where :meth:`__getitem__` reads it (no validation)."""
        self.__delitem__(key, True)  # missing_ok; type checkers take dunder parameters as positional
        store_payload(self, {key: value}, _reserved(type(self)))

    def __delitem__(self, key: Any, missing_ok: bool = False) -> None:
        """Remove a payload key."""
        extras = self.__dict__.get(EXTRAS_ATTRIBUTE)
        if extras and key in extras:
            del extras[key]
        elif type(key) is str and key[:1] != "_" and key in self.__dict__:
            del self.__dict__[key]
        elif not missing_ok:
            raise KeyError(key)

    def __contains__(self, item: Any) -> bool:
        """Tell whether the model has a payload key (``"status" in job``)."""
        extras = self.__dict__.get(EXTRAS_ATTRIBUTE)
        if extras and item in extras:
            return True
        return type(item) is str and item[:1] != "_" and item in self.__dict__

    # -- identity -------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._payload_items() == other._payload_items()

    def __repr__(self) -> str:
        parts = [f"{key}={value!r}" for key, value in self.__dict__.items() if key[:1] != "_"]
        extras = self.__dict__.get(EXTRAS_ATTRIBUTE)
        if extras:
            parts.append(f"**{extras!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def __reduce_ex__(self, protocol: Any) -> Tuple[Any, ...]:
        return (_new_instance, (type(self),), dict(self.__dict__))

    def __copy__(self: _ModelT) -> _ModelT:
        clone = _new_instance(type(self))
        state = dict(self.__dict__)
        extras = state.get(EXTRAS_ATTRIBUTE)
        if extras is not None:
            state[EXTRAS_ATTRIBUTE] = dict(extras)
        clone.__dict__.update(state)
        return clone

    # -- payloads -------------------------------------------------------------

    def to_dict(self) -> JSONDict:
        """Write the model as a payload.

        Declared fields are written by their fields, every other payload key as
        JSON types.  Nothing is validated again.

        Returns:
            A new dictionary of JSON types (``json.dumps`` accepts it), typed as
            :data:`~qiskit_models.json_types.JSONDict`; it may be assigned to a
            ``Dict[str, Any]`` as well.

        Raises:
            ModelValidationError: a value cannot be written; the error names it.
        """
        payload: JSONDict = binding_for(type(self)).dump(self)
        return payload

    def _dump_payload(self) -> JSONDict:
        payload: JSONDict = binding_for(type(self)).dump_unchecked(self)
        return payload

    @classmethod
    def from_dict(cls: Type[_ModelT], dict_: Any) -> _ModelT:
        """Validate a payload and build a model of this class from it.

        The payload is not changed, and the model shares no list or dictionary
        with it: values kept as they are (unknown keys, ``Raw`` and ``Dict``
        fields) are loaded with new lists and dictionaries; other objects in them
        keep their identity.

        Args:
            dict_: the payload, a mapping as ``to_dict`` writes it.

        Returns:
            An instance of the class this method is called on (type checkers
            infer ``JobStatus`` for ``JobStatus.from_dict(...)``).

        Raises:
            ModelValidationError: the payload does not validate.
        """
        model: _ModelT = binding_for(cls).load(dict_)
        return model


_ABSENT = object()


def _new_instance(cls: Type[_ModelT]) -> _ModelT:
    """Create an instance without calling ``__init__`` (used by copy and pickle)."""
    return cls.__new__(cls)


def _reserved(cls: type) -> FrozenSet[str]:
    binding: Optional[Binding] = cls.__dict__.get(BINDING_ATTRIBUTE)
    if binding is not None:
        return binding.reserved
    if getattr(cls, BINDING_ATTRIBUTE, None) is not None:
        return binding_for(cls).reserved
    return _unbound_reserved(cls)


@functools.lru_cache(maxsize=None)
def _unbound_reserved(cls: type) -> FrozenSet[str]:
    return reserved_names(cls)


class _BoundSchemaAttribute:
    """``Model.schema`` and ``Model.shallow_schema``: created on first use."""

    def __init__(self, binding: Binding, which: str) -> None:
        self.binding = binding
        self.which = which

    def __get__(self, obj: Any, owner: Optional[type] = None) -> Any:
        return getattr(self.binding, self.which)


class _SchemaBinder:
    """The class decorator returned by :func:`bind_schema`."""

    def __init__(self, schema_cls: Type[Schema], **kwargs: Any) -> None:
        self._schema_cls = schema_cls
        self._kwargs = kwargs

    def __call__(self, model_cls: Type[_ModelT]) -> Type[_ModelT]:
        schema_cls = self._schema_cls
        bound = schema_cls.__dict__.get("model_cls")
        if bound is not None:
            raise ValueError(
                f"The schema {schema_cls} can not be bound twice. It is already bound to "
                f"{bound}. If you want to reuse the schema, use subclassing"
            )
        # Class attributes that the classes declare otherwise (a method, a schema
        # instance) or not at all, hence setattr.
        setattr(schema_cls, "model_cls", model_cls)  # noqa: B010
        binding = Binding(model_cls, schema_cls, self._kwargs)
        setattr(model_cls, BINDING_ATTRIBUTE, binding)
        setattr(model_cls, "__init__", self._validate_after_init(model_cls.__init__, binding))  # noqa: B010
        setattr(model_cls, "schema", _BoundSchemaAttribute(binding, "schema"))  # noqa: B010
        setattr(model_cls, "shallow_schema", _BoundSchemaAttribute(binding, "shallow_schema"))  # noqa: B010
        return model_cls

    @staticmethod
    def _validate_after_init(init_method: Callable[..., None], binding: Binding) -> Callable[..., None]:
        """Wrap ``__init__`` so that it checks its arguments before running.

        Positional arguments are accepted and checked under the names of the
        original ``__init__``'s parameters.

        Args:
            init_method: the model's current ``__init__``.
            binding: the binding whose schema checks the arguments.

        Returns:
            The wrapper.
        """
        plain = bool(getattr(init_method, "__qm_plain__", False))
        positional: List[str] = []

        def parameter_names() -> List[str]:
            if not positional:
                import inspect

                params = list(inspect.signature(inspect.unwrap(init_method)).parameters.values())[1:]
                positional.extend(
                    p.name
                    for p in params
                    if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and p.name != "validate"
                )
            return positional

        @functools.wraps(init_method)
        def __init__(self: Any, /, *args: Any, validate: bool = True, **kwargs: Any) -> None:
            if args:
                names = parameter_names()
                if len(args) > len(names):
                    raise TypeError(
                        f"{type(self).__name__}() takes {len(names)} positional arguments "
                        f"but {len(args)} were given"
                    )
                for name, value in zip(names, args):
                    if name in kwargs:
                        raise TypeError(f"{type(self).__name__}() got multiple values for argument '{name}'")
                    kwargs[name] = value
                args = ()
            safe = binding.check(kwargs) if validate else False
            if not plain:
                blocked = binding.init_info.blocked.intersection(kwargs)
                deferred = {key: kwargs.pop(key) for key in blocked} if blocked else None
                init_method(self, validate=False, **kwargs)
                if deferred:
                    store_payload(self, deferred, _reserved(type(self)))
            elif safe and not self.__dict__:
                self.__dict__ = kwargs
            else:
                store_payload(self, kwargs, _reserved(type(self)))

        setattr(__init__, "__qm_plain__", plain)  # noqa: B010
        return __init__


def bind_schema(schema: Type[Schema], **kwargs: Any) -> Callable[[Type[_ModelT]], Type[_ModelT]]:
    """Class decorator that binds a schema to a model class.

    The model gets validation at construction, ``from_dict`` and ``to_dict``.

    Args:
        schema: the :class:`BaseSchema` subclass.
        **kwargs: keyword arguments for the schema instance used by
            ``from_dict``/``to_dict`` (for example ``many=True``).

    Returns:
        The decorator.

    Raises:
        ValueError: (when applied) the schema class is already bound to another
            model; bind a subclass of it instead.
    """
    return _SchemaBinder(schema, **kwargs)


class ObjSchema(BaseSchema):
    """Schema of :class:`Obj`: no declared fields, every key kept as is."""


@bind_schema(ObjSchema)
class Obj(BaseModel):
    """A free-form model: any mapping loads to an ``Obj`` whose attributes are its keys."""
