"""Compile a bound schema into specialised load, dump and check functions.

marshmallow interprets a schema for every object it loads: it looks up each
field, calls several methods per value and builds error stores even when
nothing is wrong.  For the payloads of provider plugins (thousands of small
objects) that dominates the cost.  This module generates, once per model class,
three plain Python functions that do the same work for the common, valid case:

* ``load(data) -> model`` equivalent to ``schema.load(data)``;
* ``dump(obj) -> dict`` equivalent to ``schema.dump(obj)``;
* ``check(kwargs) -> None`` equivalent to the constructor check.

Correctness rule: the generated code only ever takes a shortcut for a value it
can prove valid by simple type and validator tests (``type(v) is str``,
``0 <= v``, ...); for any other value it calls the field's own marshmallow
method (``field.deserialize``, ``field._serialize``, ...), so every error, and
every unusual but valid value, is handled by exactly the code that the
reference path runs.  Schema features the compiler does not understand
(schema hooks other than the ones of ``BaseSchema``, ``only``/``exclude``,
``many``, dotted attributes, ...) make it decline, and the binding keeps using
marshmallow for that schema.  Fields it does not know are still compiled: the
generated code calls their marshmallow methods.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any, Callable, Dict, List, Mapping, Optional, Set, Tuple

from marshmallow import INCLUDE, ValidationError
from marshmallow import validate as mv
from marshmallow.decorators import POST_DUMP, POST_LOAD, PRE_DUMP, PRE_LOAD, VALIDATES, VALIDATES_SCHEMA

from qiskit_models.validation import _compat
from qiskit_models.validation._binding import EXTRAS_ATTRIBUTE, Binding, bad_key_message, binding_for, is_attribute_key
from qiskit_models.validation._datetime import _DATETIMES, WireDateTime, format_datetime, parse_datetime
from qiskit_models.validation._values import check_depth, to_json

__all__ = ["compile_check", "compile_dump", "compile_load"]

_MISSING = _compat.MISSING
_FLOAT_MAX = 1.7976931348623157e308
_LOCK = threading.RLock()
_IN_PROGRESS: Set[Tuple[int, str]] = set()


class _Fallback(Exception):
    """Raised by generated code when a value needs the field's own method."""


# -- helpers the generated code calls -----------------------------------------------


def _complex_pair(value: Any) -> Optional[complex]:
    """``complex(re, im)`` for a finite ``[re, im]`` list of floats or small ints, else ``None``."""
    if type(value) is list and len(value) == 2:
        real, imag = value
        kind_re, kind_im = type(real), type(imag)
        if (kind_re is float or kind_re is int and -_FLOAT_MAX <= real <= _FLOAT_MAX) and (
            kind_im is float or kind_im is int and -_FLOAT_MAX <= imag <= _FLOAT_MAX
        ):
            number = complex(real, imag)
            if number.real - number.real == 0.0 and number.imag - number.imag == 0.0:
                return number
    return None


def _complex_list(value: Any) -> Optional[List[complex]]:
    """``[complex(re, im), ...]`` for a list of finite ``[re, im]`` pairs, else ``None``.

    The common shape of pulse samples; anything else goes to the field itself.
    """
    if type(value) is not list:
        return None
    result: List[complex] = []
    append = result.append
    for pair in value:
        if type(pair) is not list or len(pair) != 2:
            return None
        real, imag = pair
        if type(real) is not float and (type(real) is not int or not -_FLOAT_MAX <= real <= _FLOAT_MAX):
            return None
        if type(imag) is not float and (type(imag) is not int or not -_FLOAT_MAX <= imag <= _FLOAT_MAX):
            return None
        number = complex(real, imag)
        if number.real - number.real != 0.0 or number.imag - number.imag != 0.0:
            return None
        append(number)
    return result


#: Placeholder for the value in expression templates.
V = "@V@"


def _sub(template: str, value: str) -> str:
    return template.replace(V, value)


class _Source:
    """Source code being generated, and the objects it refers to.

    Generated code refers to Python objects (fields, validators, model classes,
    helper functions) by names bound in the namespace the code runs in.  Values
    that need statements get a helper function ``name(v)`` of their own,
    written before the main function.
    """

    def __init__(self) -> None:
        self.lines: List[str] = []
        self.helpers: List[str] = []
        self.namespace: Dict[str, Any] = {
            "MISSING": _MISSING,
            "Fallback": _Fallback,
            "ValidationError": ValidationError,
            "Mapping": Mapping,
            "FLOAT_MAX": _FLOAT_MAX,
        }
        self._names: Dict[int, str] = {}
        self._counter = 0

    def ref(self, obj: Any, hint: str = "c") -> str:
        """Return the name under which the generated code sees ``obj``."""
        name = self._names.get(id(obj))
        if name is None:
            self._counter += 1
            name = f"{hint}{self._counter}"
            self._names[id(obj)] = name
            self.namespace[name] = obj
        return name

    def temp(self, hint: str = "t") -> str:
        """Return a fresh variable name."""
        self._counter += 1
        return f"_{hint}{self._counter}"

    def add(self, indent: int, text: str) -> None:
        """Add a line to the function being written."""
        self.lines.append("    " * indent + text)

    def helper(self, hint: str, *body: str) -> str:
        """Write ``def name(v):`` with the given body lines; return its name."""
        name = self.temp(hint)
        self.helpers.append(f"def {name}(v):")
        self.helpers.extend("    " + line for line in body)
        return name

    def build(self, name: str) -> Callable[..., Any]:
        """Compile the code and return the main function."""
        text = "\n".join([*self.helpers, *self.lines])
        code = compile(text, f"<qiskit-models compiled {name}>", "exec")
        exec(code, self.namespace)  # noqa: S102 - generated from the schema's structure, no payload text
        function = self.namespace[name]
        function.__source__ = text
        return function  # type: ignore[no-any-return]


class _Conversion:
    """How generated code handles one value in the common case.

    Both parts are templates over the placeholder :data:`V`.  When
    ``condition`` is true, ``expression`` gives exactly the reference result.
    When ``condition`` is ``None``, ``expression`` raises ``Fallback`` or
    ``ValidationError`` for any value it does not handle.
    """

    __slots__ = ("condition", "expression")

    def __init__(self, condition: Optional[str], expression: str) -> None:
        self.condition = condition
        self.expression = expression

    def as_call(self, source: _Source, hint: str) -> str:
        """The conversion as an expression that raises instead of testing a condition."""
        if self.condition is None:
            return self.expression
        name = source.helper(
            hint,
            f"if not ({_sub(self.condition, 'v')}):",
            "    raise Fallback",
            f"return {_sub(self.expression, 'v')}",
        )
        return f"{name}({V})"


# -- which fields and validators the compiler knows -----------------------------------


def _fields_module() -> Any:
    from qiskit_models.validation import fields

    return fields


def _has_field_hooks(field: Any) -> bool:
    return bool(getattr(field, "pre_load", None)) or bool(getattr(field, "post_load", None))


def _is(field: Any, *names: str) -> bool:
    """Whether ``field`` is exactly one of the qiskit-models field classes ``names``."""
    fields = _fields_module()
    return any(type(field) is getattr(fields, name) for name in names) and not _has_field_hooks(field)


def _validator_conditions(field: Any, value: str, source: _Source, hashable: bool, text: bool) -> Optional[List[str]]:
    """Conditions that hold exactly when the field's validators accept ``value``.

    Args:
        field: the field.
        value: the expression of the value the validators see.
        source: the code being generated.
        hashable: the value is known to be hashable (``OneOf`` and ``Equal`` may be inlined).
        text: the value is known to be a ``str`` (``Regexp`` may be inlined).

    Returns:
        The conditions, or ``None`` when a validator cannot be expressed.
    """
    from qiskit_models.validation.validate import OneOf as QmOneOf

    conditions: List[str] = []
    for validator in field.validators:
        kind = type(validator)
        if kind is mv.Range:
            if validator.min is not None:
                op = "<=" if validator.min_inclusive else "<"
                conditions.append(f"{source.ref(validator.min, 'lo')} {op} {value}")
            if validator.max is not None:
                op = "<=" if validator.max_inclusive else "<"
                conditions.append(f"{value} {op} {source.ref(validator.max, 'hi')}")
        elif kind is mv.Length:
            if validator.equal is not None:
                conditions.append(f"len({value}) == {validator.equal!r}")
            else:
                if validator.min is not None:
                    conditions.append(f"len({value}) >= {validator.min!r}")
                if validator.max is not None:
                    conditions.append(f"len({value}) <= {validator.max!r}")
        elif kind in (mv.OneOf, QmOneOf) and hashable:
            try:
                choices = frozenset(validator.choices)
            except TypeError:
                return None
            conditions.append(f"{value} in {source.ref(choices, 'choices')}")
        elif kind is mv.Regexp and text:
            conditions.append(f"{source.ref(validator.regex.match, 'match')}({value}) is not None")
        elif kind is mv.Equal and hashable:
            conditions.append(f"{value} == {source.ref(validator.comparable, 'eq')}")
        else:
            return None
    return conditions


def _join(conditions: List[str]) -> str:
    if len(conditions) == 1:
        return conditions[0]
    return " and ".join(f"({condition})" for condition in conditions)


def _with_validators(field: Any, conversion: _Conversion, source: _Source, same_value: bool) -> _Conversion:
    """Add the field's own validators to a conversion.

    Args:
        field: the field whose validators apply.
        conversion: how the value is converted.
        source: the code being generated.
        same_value: the validators give the same answer on the payload value
            as on the converted one (so they can join the condition).

    Returns:
        The conversion with the validators.
    """
    if not field.validators:
        return conversion
    if conversion.condition is not None and same_value:
        conditions = _validator_conditions(field, V, source, hashable=False, text=False)
        if conditions is not None:
            return _Conversion(_join([conversion.condition, *conditions]), conversion.expression)
    call = _sub(conversion.as_call(source, "conv"), "v")
    conditions = _validator_conditions(field, "r", source, hashable=False, text=False)
    if conditions is not None:
        check = [f"if not ({_join(conditions)}):", "    raise Fallback"]
    else:
        check = [f"{source.ref(field, 'f')}._validate(r)"]
    name = source.helper("valid", f"r = {call}", *check, "return r")
    return _Conversion(None, f"{name}({V})")


def _number_condition(field: Any) -> str:
    finite = "" if field.allow_nan else f" and {V} - {V} == 0.0"
    return f"(type({V}) is float{finite} or type({V}) is int and -FLOAT_MAX <= {V} <= FLOAT_MAX)"


def _scalar_condition(field: Any, source: _Source) -> Optional[Tuple[str, bool, bool]]:
    """``(type condition, hashable, text)`` for the scalar fields, else ``None``."""
    if _is(field, "String", "Email", "Url"):
        return f"type({V}) is str", True, True
    if _is(field, "Integer"):
        return f"type({V}) is int", True, False
    if _is(field, "Float", "Number"):
        return _number_condition(field), True, False
    if _is(field, "Boolean"):
        return f"type({V}) is bool", True, False
    if _is(field, "Raw"):
        return f"type({V}) in {source.ref(frozenset({str, int, float, bool}), 'scalars')}", True, False
    return None


def _scalar_conversion(field: Any, source: _Source) -> Optional[_Conversion]:
    scalar = _scalar_condition(field, source)
    if scalar is None:
        return None
    condition, hashable, text = scalar
    validators = _validator_conditions(field, V, source, hashable, text)
    if validators is None:
        return _with_validators(field, _Conversion(condition, V), source, same_value=False)
    return _Conversion(_join([condition, *validators]), V)


# -- load ---------------------------------------------------------------------------


def _datetime_or_fallback(value: Any, _cached: Callable[[str], Any] = _DATETIMES.get) -> Any:
    if type(value) is not str:
        raise _Fallback
    parsed = _cached(value)
    if parsed is None:
        parsed = parse_datetime(value)
        if parsed is None:
            raise _Fallback
    return parsed


def _complex_or_fallback(value: Any) -> complex:
    number = _complex_pair(value)
    if number is None:
        raise _Fallback
    return number


def _complex_list_or_fallback(value: Any) -> List[complex]:
    numbers = _complex_list(value)
    if numbers is None:
        raise _Fallback
    return numbers


def _load_conversion(field: Any, source: _Source) -> Optional[_Conversion]:
    """How the generated loader handles a payload value of ``field``, or ``None``."""
    scalar = _scalar_conversion(field, source)
    if scalar is not None:
        return scalar
    if _is(field, "DateTime") and field.format in (None, "iso", "iso8601"):
        conversion = _Conversion(None, f"{source.ref(_datetime_or_fallback, 'load_datetime')}({V})")
        return _with_validators(field, conversion, source, same_value=False)
    if _is(field, "Complex") and not field.allow_nan:
        conversion = _Conversion(None, f"{source.ref(_complex_or_fallback, 'load_complex')}({V})")
        return _with_validators(field, conversion, source, same_value=False)
    if _is(field, "List"):
        return _load_list(field, source)
    if _is(field, "Nested"):
        return _load_nested(field, source)
    return None


def _load_list(field: Any, source: _Source) -> Optional[_Conversion]:
    inner = field.inner
    if _is(inner, "Complex") and not inner.allow_nan and not inner.validators:
        conversion = _Conversion(None, f"{source.ref(_complex_list_or_fallback, 'load_complexes')}({V})")
        return _with_validators(field, conversion, source, same_value=True)
    item_conversion = _load_conversion(inner, source)
    if item_conversion is None:
        return None
    item = source.temp("y")
    if item_conversion.condition is not None:
        condition = f"type({V}) is list and all({_sub(item_conversion.condition, item)} for {item} in {V})"
        expression = _sub(item_conversion.expression, item)
        result = f"{V}[:]" if expression == item else f"[{expression} for {item} in {V}]"
        return _with_validators(field, _Conversion(condition, result), source, same_value=True)
    name = source.helper(
        "list",
        "if type(v) is not list:",
        "    raise Fallback",
        f"return [{_sub(item_conversion.expression, item)} for {item} in v]",
    )
    return _with_validators(field, _Conversion(None, f"{name}({V})"), source, same_value=True)


def _nested_target(field: Any) -> Optional[Binding]:
    """The binding whose compiled functions a ``Nested`` field may use, or ``None``."""
    if field.only is not None or field.exclude or getattr(field, "unknown", None) is not None:
        return None
    schema = field.schema
    if schema.only is not None or schema.exclude or schema.load_only or schema.dump_only:
        return None
    model_cls = getattr(schema, "model_cls", None)
    from qiskit_models.validation.base import BaseModel

    if not (isinstance(model_cls, type) and issubclass(model_cls, BaseModel)):
        return None
    binding = binding_for(model_cls)
    if type(schema) is not binding.schema_cls:
        return None
    return binding


def _load_nested(field: Any, source: _Source) -> Optional[_Conversion]:
    binding = _nested_target(field)
    loader = _child_function(binding, "load") if binding is not None else None
    if loader is None:
        return None
    load = source.ref(loader, "load")
    if field.many or field.schema.many:
        item = source.temp("y")
        name = source.helper("many", "if type(v) is not list:", "    raise Fallback", f"return [{load}({item}) for {item} in v]")
        conversion = _Conversion(None, f"{name}({V})")
    else:
        conversion = _Conversion(None, f"{load}({V})")
    return _with_validators(field, conversion, source, same_value=False)


def _schema_is_compilable(binding: Binding) -> bool:
    schema = binding.schema
    from qiskit_models.validation.base import BaseModel, BaseSchema

    if not isinstance(schema, BaseSchema) or not issubclass(binding.model_cls, BaseModel):
        return False
    if schema.many or schema.only is not None or schema.exclude or schema.load_only or schema.dump_only:
        return False
    if schema.partial or schema.unknown != INCLUDE or not schema.opts.index_errors:
        return False
    hooks = type(schema)._hooks  # noqa: SLF001
    if hooks[PRE_LOAD] or hooks[PRE_DUMP] or hooks[VALIDATES] or hooks[VALIDATES_SCHEMA]:
        return False
    if [name for name, *_ in hooks[POST_LOAD]] != ["make_model"] or [name for name, *_ in hooks[POST_DUMP]] != [
        "dump_additional_data"
    ]:
        return False
    for name in ("make_model", "dump_additional_data", "get_attribute", "load", "dump", "_do_load", "_serialize", "_deserialize"):
        if getattr(type(schema), name) is not getattr(BaseSchema, name):
            return False
    attributes = [field.attribute or name for name, field in schema.fields.items()]
    if len(set(attributes)) != len(attributes) or any("." in attribute for attribute in attributes):
        return False
    return True


def _child_function(binding: Binding, kind: str) -> Optional[Callable[..., Any]]:
    """Compile a nested schema's function; break cycles with a late-bound call."""
    key = (id(binding), kind)
    if key in _IN_PROGRESS:
        attribute = {"load": "fast_load", "dump": "fast_dump"}[kind]
        return lambda value: getattr(binding, attribute)(value)
    compiled = {"load": compile_load, "dump": compile_dump}[kind](binding)
    return compiled or None


def compile_load(binding: Binding) -> Any:
    """Return the compiled loader of a binding (``False`` if it cannot be compiled).

    Args:
        binding: the model class's binding.

    Returns:
        ``load(data) -> model``, raising ``ValidationError`` like ``schema.load``.
    """
    with _LOCK:
        if binding.fast_load is not None:
            return binding.fast_load
        key = (id(binding), "load")
        _IN_PROGRESS.add(key)
        try:
            compilable = _schema_is_compilable(binding) and not binding.has_pre_load_hooks
            function = _generate_load(binding) if compilable else None
        finally:
            _IN_PROGRESS.discard(key)
        binding.fast_load = function or False
        return binding.fast_load


def _generate_load(binding: Binding) -> Optional[Callable[..., Any]]:
    schema = binding.schema
    model_cls = binding.model_cls
    source = _Source()
    reserved = binding.reserved
    plain = binding.init_info.plain and model_cls.__new__ is object.__new__
    fields = []
    for name, field in schema.load_fields.items():
        key = field.data_key if field.data_key is not None else name
        attribute = field.attribute or name
        fields.append((field, key, attribute, _load_conversion(field, source), source.temp("v")))
    all_safe = plain and all(is_attribute_key(attribute, reserved) for _, _, attribute, _, _ in fields)
    keys = source.ref(frozenset(key for _, key, _, _, _ in fields), "declared_keys")
    reserved_name = source.ref(reserved, "reserved")

    source.add(0, "def load(data):")
    source.add(1, "if type(data) is not dict and not isinstance(data, Mapping):")
    source.add(2, f"raise ValidationError({{'_schema': [{source.ref(schema.error_messages['type'], 'msg')}]}})")
    source.add(1, "errors = None")
    source.add(1, "out = {}")
    for field, raw_key, raw_attribute, conversion, value in fields:
        key, attribute = repr(raw_key), repr(raw_attribute)
        f = source.ref(field, "f")
        source.add(1, f"{value} = data.get({key}, MISSING)")
        if conversion is not None and conversion.condition is not None:
            # the condition is false for MISSING and for None
            source.add(1, f"if {_sub(conversion.condition, value)}:")
            source.add(2, f"out[{attribute}] = {_sub(conversion.expression, value)}")
            source.add(1, f"elif {value} is not MISSING:")
            _slow_load(source, 2, f, value, key, attribute)
        else:
            source.add(1, f"if {value} is not MISSING:")
            if conversion is None:
                _slow_load(source, 2, f, value, key, attribute)
            else:
                source.add(2, "try:")
                source.add(3, f"out[{attribute}] = {_sub(conversion.expression, value)}")
                source.add(2, "except (Fallback, ValidationError):")
                _slow_load(source, 3, f, value, key, attribute)
        if field.required:
            required_message = source.ref(list(field.make_error("required").messages), "required")
            source.add(1, "else:")
            source.add(2, "if errors is None:")
            source.add(3, "errors = {}")
            source.add(2, f"errors[{key}] = list({required_message})")
        elif field.load_default is not _MISSING:
            source.add(1, "else:")
            _slow_load(source, 2, f, value, key, attribute)
    source.add(1, "if errors is not None:")
    source.add(2, "raise ValidationError(errors, data=data, valid_data=out)")
    source.add(1, "safe = True")
    if all(field.load_default is _MISSING for field, *_ in fields):
        # each declared key in ``data`` gave one entry of ``out``: equal sizes mean no other key
        source.add(1, "if len(data) != len(out):")
    else:
        source.add(1, "if True:")
    source.add(2, "for key in data:")
    source.add(3, f"if key in {keys}:")
    source.add(4, "continue")
    source.add(3, "item = data[key]")
    source.add(3, "if type(key) is not str:")
    source.add(4, "if errors is None:")
    source.add(5, "errors = {}")
    source.add(4, f"errors.setdefault('_schema', []).append({source.ref(bad_key_message, 'bad_key_message')}(key))")
    source.add(4, "continue")
    source.add(3, f"if type(item) in {source.ref((dict, list, tuple), 'containers')}:")
    source.add(4, "try:")
    source.add(5, f"{source.ref(check_depth, 'check_depth')}(item)")
    source.add(4, "except ValidationError as error:")
    source.add(5, "if errors is None:")
    source.add(6, "errors = {}")
    source.add(5, "errors[key] = error.messages")
    source.add(3, f"if safe and not (key.isidentifier() and key[0] != '_' and key not in {reserved_name}):")
    source.add(4, "safe = False")
    source.add(3, "out[key] = item")
    source.add(2, "if errors is not None:")
    source.add(3, "raise ValidationError(errors, data=data, valid_data=out)")
    if all_safe:
        source.add(1, "if safe:")
        source.add(2, f"obj = {source.ref(object.__new__, 'new')}({source.ref(model_cls, 'model')})")
        source.add(2, "obj.__dict__ = out")
        source.add(2, "return obj")
    source.add(1, f"return {source.ref(binding.build, 'build')}(out)")
    return source.build("load")


def _slow_load(source: _Source, indent: int, field: str, value: str, key: str, attribute: str) -> None:
    """The reference behaviour for one field: its own ``deserialize``."""
    source.add(indent, "try:")
    source.add(indent + 1, f"_slow = {field}.deserialize({value}, {key}, data)")
    source.add(indent, "except ValidationError as error:")
    source.add(indent + 1, "if errors is None:")
    source.add(indent + 2, "errors = {}")
    source.add(indent + 1, f"errors[{key}] = error.messages")
    source.add(indent, "else:")
    source.add(indent + 1, "if _slow is not MISSING:")
    source.add(indent + 2, f"out[{attribute}] = _slow")


# -- dump ---------------------------------------------------------------------------


def _dump_conversion(field: Any, source: _Source) -> Optional[_Conversion]:
    """How the generated dumper writes an attribute value of ``field``, or ``None``."""
    if _is(field, "String", "Email", "Url"):
        return _Conversion(f"type({V}) is str or {V} is None", V)
    if _is(field, "Integer"):
        return _Conversion(f"type({V}) is int or {V} is None", V)
    if _is(field, "Float", "Number"):
        return _Conversion(f"type({V}) is float or type({V}) is int or {V} is None", V)
    if _is(field, "Boolean"):
        return _Conversion(f"type({V}) is bool or {V} is None", V)
    if _is(field, "Raw"):
        return _Conversion(None, f"{source.ref(to_json, 'to_json')}({V})")
    if _is(field, "DateTime") and field.format in (None, "iso", "iso8601"):
        return _Conversion(
            f"type({V}) is {source.ref(WireDateTime, 'WireDateTime')}",
            f"(getattr({V}, '_wire_text', None) or {source.ref(format_datetime, 'format_datetime')}({V}))",
        )
    if _is(field, "Complex"):
        return _Conversion(f"type({V}) is complex", f"[{V}.real, {V}.imag]")
    if _is(field, "List"):
        item_conversion = _dump_conversion(field.inner, source)
        if item_conversion is None:
            return None
        item = source.temp("y")
        if item_conversion.condition is not None:
            expression = _sub(item_conversion.expression, item)
            return _Conversion(
                f"type({V}) is list and all({_sub(item_conversion.condition, item)} for {item} in {V})",
                f"{V}[:]" if expression == item else f"[{expression} for {item} in {V}]",
            )
        name = source.helper(
            "list", "if type(v) is not list:", "    raise Fallback", f"return [{_sub(item_conversion.expression, item)} for {item} in v]"
        )
        return _Conversion(None, f"{name}({V})")
    if _is(field, "Nested"):
        binding = _nested_target(field)
        dumper = _child_function(binding, "dump") if binding is not None else None
        if dumper is None:
            return None
        dump, model = source.ref(dumper, "dump"), source.ref(binding.model_cls, "model")  # type: ignore[union-attr]
        item = source.temp("y")
        if field.many or field.schema.many:
            return _Conversion(
                f"type({V}) is list and all(type({item}) is {model} for {item} in {V})", f"[{dump}({item}) for {item} in {V}]"
            )
        return _Conversion(f"type({V}) is {model}", f"{dump}({V})")
    return None


def compile_dump(binding: Binding) -> Any:
    """Return the compiled dumper of a binding (``False`` if it cannot be compiled).

    Args:
        binding: the model class's binding.

    Returns:
        ``dump(obj) -> dict``, raising ``ValidationError`` like ``schema.dump``.
    """
    with _LOCK:
        if binding.fast_dump is not None:
            return binding.fast_dump
        key = (id(binding), "dump")
        _IN_PROGRESS.add(key)
        try:
            function = _generate_dump(binding) if _schema_is_compilable(binding) else None
        finally:
            _IN_PROGRESS.discard(key)
        binding.fast_dump = function or False
        return binding.fast_dump


def _generate_dump(binding: Binding) -> Optional[Callable[..., Any]]:
    from qiskit_models.validation.base import BaseModel

    schema = binding.schema
    model_cls = binding.model_cls
    reserved = binding.reserved
    custom_values = model_cls._wire_value is not BaseModel._wire_value  # noqa: SLF001
    mtv = _fields_module().ModelTypeValidator
    source = _Source()
    accessor = source.ref(schema.get_attribute, "get_attribute")
    declared = source.ref(frozenset(field.attribute or name for name, field in schema.fields.items()), "declared")
    json = source.ref(to_json, "to_json")
    fields = []
    for name, field in schema.dump_fields.items():
        key = repr(field.data_key if field.data_key is not None else name)
        attribute = field.attribute or name
        direct = not custom_values and is_attribute_key(attribute, reserved)
        simple = field.dump_default is _MISSING and isinstance(field, mtv)
        fields.append((field, key, repr(attribute), direct, simple, _dump_conversion(field, source) if simple else None, source.temp("v")))

    source.add(0, "def dump(obj):")
    source.add(1, "d = obj.__dict__")
    source.add(1, "out = {}")
    for field, key, attribute, direct, simple, conversion, value in fields:
        f = source.ref(field, "f")
        if not simple:
            # defaults and foreign fields: let the field do all of it, as marshmallow does
            source.add(1, f"_w = {f}.serialize({attribute}, obj, accessor={accessor})")
            source.add(1, "if _w is not MISSING:")
            source.add(2, f"out[{key}] = _w")
            continue
        if direct:
            source.add(1, f"{value} = d.get({attribute}, MISSING)")
        else:
            source.add(1, f"{value} = obj._wire_value({attribute}, MISSING)")
        if conversion is not None and conversion.condition is not None:
            # the condition is false for MISSING; the expression itself may still
            # fail (a nested model that cannot be written)
            source.add(1, f"if {_sub(conversion.condition, value)}:")
            source.add(2, "try:")
            source.add(3, f"out[{key}] = {_sub(conversion.expression, value)}")
            source.add(2, "except ValidationError:")
            _slow_dump(source, 3, f, value, key, attribute)
            source.add(1, f"elif {value} is not MISSING:")
            _slow_dump(source, 2, f, value, key, attribute)
        elif conversion is not None:
            source.add(1, f"if {value} is not MISSING:")
            source.add(2, "try:")
            source.add(3, f"out[{key}] = {_sub(conversion.expression, value)}")
            source.add(2, "except (Fallback, ValidationError):")
            _slow_dump(source, 3, f, value, key, attribute)
        else:
            source.add(1, f"if {value} is not MISSING:")
            _slow_dump(source, 2, f, value, key, attribute)
    shortcut = all(simple and direct for _, _, _, direct, simple, _, _ in fields) and len(fields) == len(schema.fields)
    if shortcut:
        # every key written came from one declared attribute: nothing else to write
        source.add(1, "if len(d) == len(out):")
        source.add(2, "return out")
    source.add(1, "for key, item in d.items():")
    source.add(2, f"if key in {declared} or key[:1] == '_' or key in out:")
    source.add(3, "continue")
    source.add(2, "try:")
    source.add(3, f"out[key] = {json}(item)")
    source.add(2, "except ValidationError as error:")
    source.add(3, "raise ValidationError({key: error.messages}) from None")
    source.add(1, f"extras = d.get({EXTRAS_ATTRIBUTE!r})")
    source.add(1, "if extras:")
    source.add(2, "for key, item in extras.items():")
    source.add(3, f"if key in {declared} or key in out:")
    source.add(4, "continue")
    source.add(3, "try:")
    source.add(4, f"out[key] = {json}(item)")
    source.add(3, "except ValidationError as error:")
    source.add(4, "raise ValidationError({key: error.messages}) from None")
    source.add(1, "return out")
    return source.build("dump")


def _slow_dump(source: _Source, indent: int, field: str, value: str, key: str, attribute: str) -> None:
    source.add(indent, "try:")
    source.add(indent + 1, f"out[{key}] = {field}._serialize({value}, {attribute}, obj)")
    source.add(indent, "except ValidationError as error:")
    source.add(indent + 1, f"raise ValidationError({{{key}: error.messages}}) from None")


# -- constructor check --------------------------------------------------------------


def _check_condition(field: Any, source: _Source) -> Optional[str]:
    """A condition that holds when the constructor check accepts the value at once."""
    scalar = _scalar_condition(field, source)
    if scalar is not None:
        base, hashable, text = scalar
    elif _is(field, "DateTime"):
        base, hashable, text = f"type({V}) in {source.ref(frozenset({datetime, WireDateTime}), 'datetimes')}", True, False
    elif _is(field, "Complex"):
        finite = "" if field.allow_nan else f" and {V}.real - {V}.real == 0.0 and {V}.imag - {V}.imag == 0.0"
        base, hashable, text = f"type({V}) is complex{finite}", True, False
    elif _is(field, "Nested") and field.only is None and not field.exclude:
        model = source.ref(field.schema.model_cls, "model")
        item = source.temp("y")
        if field.many or field.schema.many:
            base = f"type({V}) is list and all(type({item}) is {model} for {item} in {V})"
        else:
            base = f"type({V}) is {model}"
        hashable, text = False, False
    elif _is(field, "List"):
        inner = _check_condition(field.inner, source)
        if inner is None:
            return None
        item = source.temp("y")
        base, hashable, text = f"type({V}) is list and all({_sub(inner, item)} for {item} in {V})", False, False
    else:
        return None
    validators = _validator_conditions(field, V, source, hashable, text)
    if validators is None:
        return None
    return _join([base, *validators])


def compile_check(binding: Binding) -> Any:
    """Return the compiled constructor check of a binding (``False`` if it cannot be compiled).

    Args:
        binding: the model class's binding.

    Returns:
        ``check(kwargs) -> bool``, raising ``ValidationError`` like the reference
        check; it returns whether every key may be stored as an attribute.
    """
    with _LOCK:
        if binding.fast_check is not None:
            return binding.fast_check
        function = _generate_check(binding) if _schema_is_compilable(binding) else None
        binding.fast_check = function or False
        return binding.fast_check


def _generate_check(binding: Binding) -> Optional[Callable[..., Any]]:
    shallow = binding.shallow_schema
    reserved = binding.reserved
    source = _Source()
    checks = []
    for name, field in shallow.load_fields.items():
        checks.append((field, repr(name), _check_condition(field, source), source.temp("v")))
    source.add(0, "def check(data):")
    # The straight path: every field present and accepted at once.
    required = [entry for entry in checks if entry[0].required]
    names_safe = all(is_attribute_key(name, reserved) for name in shallow.load_fields)
    if checks and names_safe and len(required) == len(checks) and all(condition is not None for _, _, condition, _ in checks):
        source.add(1, "try:")
        for _, key, _, value in checks:
            source.add(2, f"{value} = data[{key}]")
        source.add(1, "except KeyError:")
        source.add(2, "pass")
        source.add(1, "else:")
        source.add(2, f"if {_join([_sub(condition, value) for _, _, condition, value in checks])}:")
        source.add(3, f"if len(data) == {len(checks)}:")
        source.add(4, "return True")
    source.add(1, "errors = None")
    for field, key, condition, value in checks:
        f = source.ref(field, "f")
        source.add(1, f"{value} = data.get({key}, MISSING)")
        source.add(1, f"if {value} is MISSING:")
        if field.required:
            required_message = source.ref(list(field.make_error("required").messages), "required")
            source.add(2, "if errors is None:")
            source.add(3, "errors = {}")
            source.add(2, f"errors[{key}] = list({required_message})")
        else:
            source.add(2, "pass")
        source.add(1, f"elif not ({_sub(condition, value)}):" if condition is not None else "else:")
        source.add(2, "try:")
        source.add(3, f"{f}.deserialize({value}, {key}, data)")
        source.add(2, "except ValidationError as error:")
        source.add(3, "if errors is None:")
        source.add(4, "errors = {}")
        source.add(3, f"errors[{key}] = error.messages")
    source.add(1, "if errors is not None:")
    source.add(2, "raise ValidationError(errors, data=data)")
    source.add(1, f"{source.ref(binding.check_unknown, 'check_unknown')}(data, {source.ref(binding.declared, 'declared')})")
    source.add(1, f"return all(type(key) is str and key.isidentifier() and key[0] != '_' and key not in {source.ref(reserved, 'reserved')} for key in data)")
    return source.build("check")
