"""The link between a model class and its schema: loading, dumping and checking.

``@bind_schema`` creates one :class:`Binding` per model class.  A subclass of a
bound model that is not bound itself gets its own binding on first use, which
reuses the parent's schema class but builds instances of the subclass.

Every path goes through here:

* ``Model.from_dict(data)`` -> :meth:`Binding.load`
* ``Model(**kwargs)``       -> :meth:`Binding.check` (unless ``validate=False``)
* ``model.to_dict()``       -> :meth:`Binding.dump`

Each has a reference implementation that runs marshmallow's own machinery, and
may have a compiled fast path (see :mod:`qiskit_models.validation._compiler`)
that must give the same results; :func:`set_fast_path` turns the fast paths off.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any, Callable, Dict, FrozenSet, List, Literal, Mapping, Optional, Set, Tuple, Type, Union, cast

from marshmallow import Schema, ValidationError
from marshmallow.decorators import PRE_LOAD

from qiskit_models.json_types import JSONDict
from qiskit_models.validation import _compat
from qiskit_models.validation._values import MAX_DEPTH, check_depth, copy_value
from qiskit_models.validation.exceptions import ModelValidationError

if TYPE_CHECKING:  # pragma: no cover
    from qiskit_models.validation.base import BaseModel

__all__ = [
    "Binding",
    "EXTRAS_ATTRIBUTE",
    "bad_key_message",
    "binding_for",
    "fast_path_enabled",
    "is_attribute_key",
    "set_fast_path",
    "store_payload",
]

#: Name of the instance attribute that holds payload keys which cannot be
#: attributes (see :func:`is_attribute_key`).  Private, so never written out.
EXTRAS_ATTRIBUTE = "_qm_extras"

#: Name of the class attribute that holds a model class's :class:`Binding`.
BINDING_ATTRIBUTE = "__qm_binding__"

_REQUIRED = "Missing data for required field."

#: A compiled loader, ``load(data) -> model`` (see :mod:`._compiler`).
LoadFunction = Callable[[Any], Any]
#: A compiled dumper, ``dump(model) -> payload``.
DumpFunction = Callable[[Any], JSONDict]
#: A compiled constructor check, ``check(kwargs) -> all keys are attributes``.
CheckFunction = Callable[[Mapping[str, Any]], bool]

_fast_path = os.environ.get("QISKIT_MODELS_FAST_PATH", "1").strip().lower() not in {"0", "false", "no", "off"}


def fast_path_enabled() -> bool:
    """Tell whether compiled fast paths are used.

    Returns:
        ``True`` unless turned off with :func:`set_fast_path` or the environment
        variable ``QISKIT_MODELS_FAST_PATH=0``.
    """
    return _fast_path


def set_fast_path(enabled: bool) -> bool:
    """Turn the compiled fast paths on or off for the whole process.

    With the fast paths off, every load, dump and constructor check runs
    marshmallow's own machinery.  Results are the same either way; the switch
    exists to prove it and to rule the fast paths out when debugging.

    Args:
        enabled: whether to use the fast paths.

    Returns:
        The previous setting.
    """
    global _fast_path
    previous, _fast_path = _fast_path, bool(enabled)
    return previous


def reserved_names(model_cls: type) -> FrozenSet[str]:
    """Names of the attributes a model class defines (methods, properties, ...).

    Args:
        model_cls: the class.

    Returns:
        The names; a payload key with one of them is kept out of the instance
        attributes so that it cannot hide the class's own attribute.
    """
    return frozenset(dir(model_cls))


def is_attribute_key(key: Any, reserved: FrozenSet[str]) -> bool:
    """Tell whether a payload key is stored as an instance attribute.

    A key becomes an attribute when it is a ``str`` that is a Python identifier,
    does not start with ``_`` and does not name anything the model class
    defines.  Every other key is kept in the model's extra store, read with
    ``model[key]``, and written back by ``to_dict``.

    Args:
        key: the payload key.
        reserved: the model class's :func:`reserved_names`.

    Returns:
        Whether the key is an attribute.
    """
    return type(key) is str and key.isidentifier() and key[0] != "_" and key not in reserved


def store_payload(obj: Any, items: Mapping[Any, Any], reserved: FrozenSet[str]) -> None:
    """Store payload items on a model instance, routing each key to its place.

    Args:
        obj: the model instance.
        items: the keys and values.
        reserved: the model class's :func:`reserved_names`.
    """
    attributes = obj.__dict__
    for key, value in items.items():
        if type(key) is str and key.isidentifier() and key[0] != "_" and key not in reserved:
            attributes[key] = value
        else:
            extras = attributes.get(EXTRAS_ATTRIBUTE)
            if extras is None:
                extras = attributes[EXTRAS_ATTRIBUTE] = {}
            extras[key] = value


def bad_key_message(key: Any) -> str:
    """The error message for a payload key that is not a string."""
    return f"Payload keys must be strings; got {key!r} ({type(key).__name__})."


def copy_containers(value: Any, depth: int = 0) -> Any:
    """Copy the dictionaries and lists of ``value``; leave every other object shared.

    Used before running a schema's own ``pre_load`` hooks, which may edit the
    mapping they are given, so that ``from_dict`` never changes its input while
    live objects inside it keep their identity.

    Containers deeper than :data:`MAX_DEPTH` levels are shared, not copied:
    loading rejects them anyway, and the recursion stays bounded.

    Args:
        value: a payload.
        depth: the nesting level of ``value``.

    Returns:
        The copy.
    """
    if depth > MAX_DEPTH:
        return value
    if isinstance(value, Mapping):
        return {key: copy_containers(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [copy_containers(item, depth + 1) for item in value]
    return value


class _InitInfo:
    """What the loaders need to know about a model's ``__init__``."""

    __slots__ = ("plain", "required", "parameters", "var_keyword", "blocked")

    def __init__(self, init: Callable[..., Any]) -> None:
        import inspect

        #: ``__init__`` only stores its arguments (so loaders may store directly).
        self.plain: bool = bool(getattr(init, "__qm_plain__", False))
        original = inspect.unwrap(init)
        try:
            signature = inspect.signature(original)
        except (TypeError, ValueError):  # pragma: no cover - builtins
            self.required: Tuple[str, ...] = ()
            self.parameters: FrozenSet[str] = frozenset()
            self.var_keyword = True
            self.blocked: FrozenSet[str] = frozenset({"validate", "self"})
            return
        params = list(signature.parameters.values())[1:]  # drop ``self``
        #: keys that cannot be keyword arguments of ``__init__`` (the name of its
        #: ``self`` and the ``validate`` flag): stored after it runs.
        self.blocked = frozenset([*list(signature.parameters)[:1], "validate"])
        self.required = tuple(
            p.name
            for p in params
            if p.default is inspect.Parameter.empty
            and p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        )
        self.parameters = frozenset(p.name for p in params)
        self.var_keyword = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params)


def _has_pre_load_hooks(schema: Schema, seen: Optional[Set[int]] = None) -> bool:
    seen = set() if seen is None else seen
    if id(type(schema)) in seen:
        return False
    seen.add(id(type(schema)))
    if schema._hooks[PRE_LOAD]:  # noqa: SLF001
        return True
    for field in schema.fields.values():
        for nested in _nested_schemas(field):
            if _has_pre_load_hooks(nested, seen):
                return True
    return False


def _nested_schemas(field: Any) -> List[Schema]:
    """Schemas reachable from a field (nested, list items, polymorphic choices)."""
    found: List[Schema] = []
    stack = [field]
    while stack:
        item = stack.pop()
        schema = getattr(item, "schema", None) if hasattr(item, "nested") else None
        if isinstance(schema, Schema):
            found.append(schema)
        for attribute in ("inner", "value_field", "key_field"):
            child = getattr(item, attribute, None)
            if child is not None:
                stack.append(child)
        stack.extend(getattr(item, "choice_fields", ()) or ())
        found.extend(getattr(item, "choice_schemas", ()) or ())
    return found


class Binding:
    """Everything a model class needs to load, dump and check its payloads.

    Args:
        model_cls: the model class.
        schema_cls: the schema class bound to it (or to its nearest bound parent).
        schema_kwargs: keyword arguments for the schema instance
            (``bind_schema(Schema, **kwargs)``).
    """

    def __init__(self, model_cls: Type[BaseModel], schema_cls: Type[Schema], schema_kwargs: Dict[str, Any]) -> None:
        self.model_cls = model_cls
        self.schema_cls = schema_cls
        self.schema_kwargs = dict(schema_kwargs)
        self._lock = threading.RLock()
        self._schema: Optional[Schema] = None
        self._shallow_schema: Optional[Schema] = None
        self._reserved: Optional[FrozenSet[str]] = None
        self._init_info: Optional[_InitInfo] = None
        self._pre_load: Optional[bool] = None
        #: compiled functions, filled in by the compiler (``None``: not compiled,
        #: ``False``: the schema cannot be compiled).
        self.fast_load: Union[None, Literal[False], LoadFunction] = None
        self.fast_dump: Union[None, Literal[False], DumpFunction] = None
        self.fast_check: Union[None, Literal[False], CheckFunction] = None

    # -- lazily built parts ---------------------------------------------------

    @property
    def schema(self) -> Schema:
        """The schema instance that loads and dumps payloads."""
        schema = self._schema
        if schema is None:
            with self._lock:
                if self._schema is None:
                    schema = self.schema_cls(**self.schema_kwargs)
                    if getattr(schema, "model_cls", None) is not self.model_cls:
                        setattr(schema, "model_cls", self.model_cls)  # noqa: B010 - BaseSchema's, or a plain schema's
                    self._schema = schema
                schema = self._schema
        return schema

    @property
    def shallow_schema(self) -> Schema:
        """The schema instance whose fields check constructor arguments."""
        schema = self._shallow_schema
        if schema is None:
            with self._lock:
                if self._shallow_schema is None:
                    self._shallow_schema = _create_validation_schema(self.schema_cls)
                schema = self._shallow_schema
        return schema

    @property
    def reserved(self) -> FrozenSet[str]:
        """Names defined by the model class (see :func:`is_attribute_key`)."""
        reserved = self._reserved
        if reserved is None:
            reserved = self._reserved = reserved_names(self.model_cls)
        return reserved

    @property
    def init_info(self) -> _InitInfo:
        """What the loaders need to know about the model's ``__init__``."""
        info = self._init_info
        if info is None:
            info = self._init_info = _InitInfo(self.model_cls.__init__)
        return info

    @property
    def declared(self) -> FrozenSet[str]:
        """The attribute names of the schema's declared fields."""
        from qiskit_models.validation.base import BaseSchema

        schema = self.schema
        if isinstance(schema, BaseSchema):
            return schema.declared_attributes()
        # a plain marshmallow schema bound to a model
        return frozenset(field.attribute or name for name, field in schema.fields.items())

    @property
    def has_pre_load_hooks(self) -> bool:
        """Whether a ``pre_load`` hook runs anywhere in the schema tree."""
        found = self._pre_load
        if found is None:
            found = self._pre_load = _has_pre_load_hooks(self.schema)
        return found

    # -- the three paths ------------------------------------------------------

    def load(self, data: Any) -> Any:
        """Validate a payload and build the model (or a list of them).

        Args:
            data: the payload.

        Returns:
            The model instance (a list of them for ``many=True`` bindings).

        Raises:
            ModelValidationError: the payload does not validate.
        """
        schema = self.schema
        if schema.many:
            if not isinstance(data, (list, tuple)):
                raise ModelValidationError({"_schema": ["Invalid input type."]}, data=data)
        elif not isinstance(data, Mapping):
            raise ModelValidationError({"_schema": ["Invalid input type."]}, data=data)
        try:
            if _fast_path:
                load = self.fast_load
                if load is None:
                    from qiskit_models.validation._compiler import compile_load

                    load = compile_load(self)
                if load:
                    return load(data)
            payload = copy_containers(data) if self.has_pre_load_hooks else data
            return schema.load(payload)
        except ValidationError as error:
            raise ModelValidationError(
                error.messages, data=data, valid_data=error.valid_data
            ) from None
        except RecursionError:
            raise ModelValidationError(
                {"_schema": ["Payload is nested too deeply."]}, data=data
            ) from None

    def dump(self, obj: Any) -> Any:
        """Write a model as a payload of JSON types (a list of them for ``many=True`` bindings).

        Args:
            obj: the model instance.

        Returns:
            A new dictionary.

        Raises:
            ModelValidationError: a value cannot be written; the messages name it.
        """
        try:
            return self.dump_unchecked(obj)
        except ValidationError as error:
            raise ModelValidationError(error.messages) from None
        except RecursionError:
            raise ModelValidationError({"_schema": ["Value is nested too deeply."]}) from None

    def dump_unchecked(self, obj: Any) -> Any:
        """Like :meth:`dump`, but let marshmallow's ``ValidationError`` through.

        Args:
            obj: the model instance.

        Returns:
            A new dictionary.
        """
        if _fast_path:
            dump = self.fast_dump
            if dump is None:
                from qiskit_models.validation._compiler import compile_dump

                dump = compile_dump(self)
            if dump:
                return dump(obj)
        return self.schema.dump(obj)

    def check(self, kwargs: Dict[str, Any]) -> bool:
        """Check constructor arguments without converting them.

        Args:
            kwargs: the arguments (by attribute name).

        Returns:
            Whether every argument may be stored as an instance attribute.

        Raises:
            ModelValidationError: an argument does not satisfy its field.
        """
        try:
            check = self.fast_check if _fast_path else False
            if check is None:
                from qiskit_models.validation._compiler import compile_check

                check = compile_check(self)
            if check:
                return bool(check(kwargs))
            _compat.do_load(self.shallow_schema, dict(kwargs), postprocess=False)
            self.check_unknown(kwargs, self.declared)
        except ValidationError as error:
            raise ModelValidationError(error.messages, data=kwargs, valid_data=error.valid_data) from None
        reserved = self.reserved
        return all(is_attribute_key(key, reserved) for key in kwargs)

    # -- building instances ---------------------------------------------------

    def build(self, data: Dict[Any, Any]) -> Any:
        """Build an instance from loaded data, without checking it again.

        Args:
            data: a dictionary owned by the caller (declared fields already
                converted, unknown keys already checked).

        Returns:
            The instance.

        Raises:
            ValidationError: the model's ``__init__`` requires an argument the
                data does not have.
        """
        model_cls = self.model_cls
        obj = model_cls.__new__(model_cls)
        info = self.init_info
        reserved = self.reserved
        if info.plain:
            for key in data:
                if not (type(key) is str and key.isidentifier() and key[0] != "_" and key not in reserved):
                    store_payload(obj, data, reserved)
                    return obj
            obj.__dict__.update(data)
            return obj
        kwargs = {}
        deferred = {}
        for key, value in data.items():
            if (
                key not in info.blocked
                and is_attribute_key(key, reserved)
                and (info.var_keyword or key in info.parameters)
            ):
                kwargs[key] = value
            else:
                deferred[key] = value
        missing = [name for name in info.required if name not in kwargs]
        if missing:
            raise ValidationError({name: [_REQUIRED] for name in missing})
        type(obj).__init__(obj, validate=False, **kwargs)
        if deferred:
            store_payload(obj, deferred, reserved)
        return obj

    def check_unknown(self, data: Any, declared: FrozenSet[str], copy: bool = False) -> None:
        """Check the keys and values of a payload that no field declares.

        Args:
            data: the loaded data.
            declared: the attribute names of the declared fields.
            copy: replace each such value in ``data`` (a dictionary the caller
                owns) with a copy of its lists and dictionaries (loading does,
                so that the model and the payload share none).

        Raises:
            ValidationError: a key is not a string or a value nests too deeply.
        """
        errors: Dict[Any, Any] = {}
        for key, value in data.items():
            if key in declared:
                continue
            if type(key) is not str:
                errors.setdefault("_schema", []).append(bad_key_message(key))
                continue
            try:
                if copy:
                    data[key] = copy_value(value)
                else:
                    check_depth(value)
            except ValidationError as error:
                errors[key] = error.messages
        if errors:
            raise ValidationError(errors)


def _create_validation_schema(schema_cls: Type[Schema]) -> Schema:
    """Build the schema instance that checks constructor arguments.

    Every field that knows how to check an already-built value
    (``ModelTypeValidator.check_type``) uses that check instead of its
    deserializer; other fields deserialize as on load (and the result is thrown
    away), as in the legacy layer.  Fields read constructor arguments by
    attribute name, not by ``data_key``.

    Args:
        schema_cls: the schema class.

    Returns:
        The schema instance.
    """
    schema = schema_cls()
    for field in schema.fields.values():
        check_type = getattr(field, "check_type", None)
        if check_type is not None:
            setattr(field, "_deserialize", check_type)  # noqa: B010 - replaces the method on this instance
        field.data_key = None
    return schema


def binding_for(model_cls: type) -> Binding:
    """Return the binding of a model class, creating it for an unbound subclass.

    Args:
        model_cls: a model class.

    Returns:
        Its binding.

    Raises:
        TypeError: neither the class nor any parent is bound to a schema.
    """
    binding: Optional[Binding] = model_cls.__dict__.get(BINDING_ATTRIBUTE)
    if binding is not None:
        return binding
    parent: Optional[Binding] = getattr(model_cls, BINDING_ATTRIBUTE, None)
    if parent is None:
        raise TypeError(
            f"{model_cls.__name__} is not bound to a schema; decorate it with @bind_schema(SomeSchema)."
        )
    # A subclass of a bound class: a model class, as ``bind_schema`` binds only those.
    binding = Binding(cast("Type[BaseModel]", model_cls), parent.schema_cls, parent.schema_kwargs)
    setattr(model_cls, BINDING_ATTRIBUTE, binding)
    return binding
