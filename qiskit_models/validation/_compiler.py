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
from itertools import chain, starmap
from types import ModuleType
from typing import Any, Callable, Dict, List, Literal, Mapping, Optional, Set, Tuple, Union

from marshmallow import INCLUDE, ValidationError
from marshmallow import validate as mv
from marshmallow.decorators import POST_DUMP, POST_LOAD, PRE_DUMP, PRE_LOAD, VALIDATES, VALIDATES_SCHEMA

from qiskit_models.validation import _compat
from qiskit_models.validation._binding import (
    EXTRAS_ATTRIBUTE,
    Binding,
    CheckFunction,
    DumpFunction,
    LoadFunction,
    bad_key_message,
    binding_for,
    is_attribute_key,
)
from qiskit_models.validation._datetime import _DATETIMES, WireDateTime, format_datetime, parse_datetime
from qiskit_models.validation._values import SCALAR_TYPES, check_depth, copy_value, to_json

__all__ = ["compile_check", "compile_dump", "compile_load"]

_MISSING = _compat.MISSING
_FLOAT_MAX = 1.7976931348623157e308
_LOCK = threading.RLock()
_IN_PROGRESS: Set[Tuple[int, str]] = set()


class _Fallback(Exception):
    """Raised by generated code when a value needs the field's own method."""


# The generator functions take fields as ``Any``: they read the attributes of
# whichever field classes they recognise (``inner``, ``allow_nan``, ``choices``, ...),
# after checking the exact class with :func:`_is`.

#: A generator of the statements that handle one value of a field:
#: ``code(field, value expression, source, body, indent) -> result expression``,
#: or ``None`` when the field cannot be compiled.
_ValueCode = Callable[[Any, str, "_Source", "_Body", int], Optional[str]]

#: ``(choice field, dispatch condition over @V@)`` of a ``ByType`` field.
_Branches = List[Tuple[Any, str]]


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


_NUMBER_TYPES = frozenset({float, int})
_LIST_TYPE = frozenset({list})


def _complex_list(value: Any) -> Optional[List[complex]]:
    """``[complex(re, im), ...]`` for a list of finite ``[re, im]`` pairs, else ``None``.

    The common shape of pulse samples (tens of thousands per payload), checked
    with C-level iteration; anything else goes to the field itself.
    """
    if type(value) is not list or not value:
        return None
    try:
        if not _LIST_TYPE.issuperset(map(type, value)):
            return None
        numbers = list(chain.from_iterable(value))
        # twice as many numbers as items, and complex() takes at most two: every item is a pair
        if len(numbers) != 2 * len(value) or not _NUMBER_TYPES.issuperset(map(type, numbers)):
            return None
        total = sum(numbers)  # NaN or infinity anywhere makes it non-finite
        if total - total != 0:
            return None
        return list(starmap(complex, value))
    except (TypeError, ValueError, OverflowError):  # overflow: an int too large for a float
        return None


def _sub(template: str, value: str) -> str:
    """Put the variable ``value`` in place of the placeholder ``@V@``."""
    return template.replace("@V@", value)


class _Source:
    """Source code being generated, and the objects it refers to.

    Generated code refers to Python objects (fields, validators, model classes,
    helper functions) by names bound in the namespace the code runs in.  A
    value that needs statements gets a helper function ``name(v)`` of its own,
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
        """Add a line to the main function."""
        self.lines.append("    " * indent + text)

    def helper(self, hint: str, body: List[str], result: str) -> str:
        """Write ``def name(v): <body>; return result``; return the function's name."""
        name = self.temp(hint)
        self.helpers.append(f"def {name}(v):")
        self.helpers.extend("    " + line for line in body)
        self.helpers.append(f"    return {result}")
        return name

    def build(self, name: str) -> Callable[..., Any]:
        """Compile the code and return the main function."""
        text = "\n".join([*self.helpers, *self.lines])
        code = compile(text, f"<qiskit-models compiled {name}>", "exec")
        exec(code, self.namespace)  # noqa: S102 - generated from the schema's structure, no payload text
        function = self.namespace[name]
        function.__source__ = text
        built: Callable[..., Any] = function
        return built


class _Body:
    """Statements handling one value; they raise ``Fallback`` (or ``ValidationError``)
    for any value they do not handle, which then goes to the field's own method."""

    def __init__(self) -> None:
        self.lines: List[str] = []

    def add(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)

    def reject_unless(self, indent: int, condition: str) -> None:
        self.add(indent, f"if not ({condition}):")
        self.add(indent + 1, "raise Fallback")


# -- which fields and validators the compiler knows -----------------------------------


def _fields_module() -> ModuleType:
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


def _validate(field: Any, value: str, source: _Source, body: _Body, indent: int, hashable: bool, text: bool) -> None:
    """Add the field's validators on ``value`` (inlined when possible)."""
    if not field.validators:
        return
    conditions = _validator_conditions(field, value, source, hashable, text)
    if conditions is not None:
        body.reject_unless(indent, _join(conditions))
    else:
        body.add(indent, f"{source.ref(field, 'f')}._validate({value})")


def _scalar_condition(field: Any, value: str, source: _Source) -> Optional[Tuple[str, bool, bool]]:
    """``(condition, hashable, text)`` accepting the common values of a scalar field, else ``None``."""
    if _is(field, "String", "Email", "Url"):
        return f"type({value}) is str", True, True
    if _is(field, "Integer"):
        return f"type({value}) is int", True, False
    if _is(field, "Float", "Number"):
        finite = "" if field.allow_nan else f" and {value} - {value} == 0.0"
        return f"(type({value}) is float{finite} or type({value}) is int and -FLOAT_MAX <= {value} <= FLOAT_MAX)", True, False
    if _is(field, "Boolean"):
        return f"type({value}) is bool", True, False
    if _is(field, "Raw"):
        return f"type({value}) in {source.ref(frozenset({str, int, float, bool}), 'scalars')}", True, False
    return None


def _inline_condition(field: Any, value: str, source: _Source) -> Optional[str]:
    """One condition for a scalar field whose validators can all be inlined, else ``None``."""
    scalar = _scalar_condition(field, value, source)
    if scalar is None:
        return None
    condition, hashable, text = scalar
    validators = _validator_conditions(field, value, source, hashable, text)
    if validators is None:
        return None
    return _join([condition, *validators])


#: Disjoint families of payload types, for ``ByType`` fields whose choices can be
#: told apart by the exact type of the value (a value of one family is rejected
#: by every choice of another family).
_FAMILIES = {
    "String": ("text", "type(@V@) is str"),
    "Email": ("text", "type(@V@) is str"),
    "Url": ("text", "type(@V@) is str"),
    "Integer": ("real", "type(@V@) is float or type(@V@) is int"),
    "Float": ("real", "type(@V@) is float or type(@V@) is int"),
    "Number": ("real", "type(@V@) is float or type(@V@) is int"),
    "Boolean": ("bool", "type(@V@) is bool"),
    "Complex": ("complex", "type(@V@) is list or type(@V@) is complex"),
}


def _by_type_branches(field: Any) -> Optional[_Branches]:
    """``(choice, dispatch condition)`` per choice when the choices' families are disjoint."""
    if not _is(field, "ByType"):
        return None
    branches: _Branches = []
    seen: Set[str] = set()
    for choice in field.choices:
        name = type(choice).__name__
        if name not in _FAMILIES or not _is(choice, name):
            return None
        family, condition = _FAMILIES[name]
        if family in seen:
            return None
        seen.add(family)
        branches.append((choice, condition))
    return branches


def _dict_parts(field: Any) -> bool:
    """Whether a ``Dict`` field's key field is absent or a plain ``String``."""
    if not _is(field, "Dict"):
        return False
    key_field = field.key_field
    return key_field is None or (_is(key_field, "String") and not key_field.validators)


def _branch_code(
    branches: _Branches, value: str, source: _Source, body: _Body, indent: int, code: _ValueCode
) -> Optional[str]:
    """Dispatch ``value`` to the choice of its family; return the result variable."""
    result = source.temp("b")
    for number, (choice, condition) in enumerate(branches):
        branch = _Body()
        branch_result = code(choice, value, source, branch, indent + 1)
        if branch_result is None:
            return None
        body.add(indent, f"{'if' if number == 0 else 'elif'} {_sub(condition, value)}:")
        body.lines.extend(branch.lines)
        body.add(indent + 1, f"{result} = {branch_result}")
    body.add(indent, "else:")
    body.add(indent + 1, "raise Fallback")
    return result


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


def _load_code(field: Any, value: str, source: _Source, body: _Body, indent: int) -> Optional[str]:
    """Add statements loading ``value``; return the expression of the result, or ``None``.

    The result expression is ``value`` itself when nothing is converted.
    """
    scalar = _scalar_condition(field, value, source)
    if scalar is not None:
        condition, hashable, text = scalar
        body.reject_unless(indent, condition)
        _validate(field, value, source, body, indent, hashable, text)
        return value
    result = source.temp("r")
    if _is(field, "DateTime") and field.format in (None, "iso", "iso8601"):
        body.add(indent, f"{result} = {source.ref(_datetime_or_fallback, 'load_datetime')}({value})")
    elif _is(field, "Complex") and not field.allow_nan:
        body.add(indent, f"{result} = {source.ref(_complex_or_fallback, 'load_complex')}({value})")
    elif _is(field, "List"):
        inner = field.inner
        if _is(inner, "Complex") and not inner.allow_nan and not inner.validators:
            body.add(indent, f"{result} = {source.ref(_complex_list_or_fallback, 'load_complexes')}({value})")
        else:
            body.reject_unless(indent, f"type({value}) is list")
            item = source.temp("y")
            inner_body = _Body()
            item_result = _load_code(inner, item, source, inner_body, indent + 1)
            if item_result is None:
                return None
            if item_result == item:
                body.add(indent, f"for {item} in {value}:")
                body.lines.extend(inner_body.lines)
                body.add(indent, f"{result} = {value}[:]")
            else:
                body.add(indent, f"{result} = []")
                body.add(indent, f"for {item} in {value}:")
                body.lines.extend(inner_body.lines)
                body.add(indent + 1, f"{result}.append({item_result})")
    elif (branches := _by_type_branches(field)) is not None:
        chosen = _branch_code(branches, value, source, body, indent, _load_code)
        if chosen is None:
            return None
        body.add(indent, f"{result} = {chosen}")
    elif _dict_parts(field):
        body.reject_unless(indent, f"type({value}) is dict")
        if field.key_field is not None:
            key = source.temp("k")
            body.add(indent, f"for {key} in {value}:")
            body.reject_unless(indent + 1, f"type({key}) is str")
        item = source.temp("y")
        if field.value_field is None:
            key = source.temp("k")
            body.add(indent, f"{result} = dict({value})")
            body.add(indent, f"for {key}, {item} in {result}.items():")
            body.add(indent + 1, f"if type({item}) not in {source.ref(SCALAR_TYPES, 'scalar_types')}:")
            body.add(indent + 2, f"{result}[{key}] = {source.ref(copy_value, 'copy_value')}({item})")
        else:
            key = source.temp("k")
            inner_body = _Body()
            item_result = _load_code(field.value_field, item, source, inner_body, indent + 1)
            if item_result is None:
                return None
            body.add(indent, f"{result} = {{}}")
            body.add(indent, f"for {key}, {item} in {value}.items():")
            body.lines.extend(inner_body.lines)
            body.add(indent + 1, f"{result}[{key}] = {item_result}")
    elif _is(field, "Nested"):
        binding = _nested_target(field)
        loader = _child_function(binding, "load") if binding is not None else None
        if loader is None:
            return None
        load = source.ref(loader, "load")
        if field.many or field.schema.many:
            body.reject_unless(indent, f"type({value}) is list")
            item = source.temp("y")
            body.add(indent, f"{result} = [{load}({item}) for {item} in {value}]")
        else:
            body.add(indent, f"{result} = {load}({value})")
    else:
        return None
    _validate(field, result, source, body, indent, hashable=False, text=False)
    return result


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


def _child_function(binding: Binding, kind: Literal["load", "dump"]) -> Optional[Callable[[Any], Any]]:
    """Compile a nested schema's function; break cycles with a late-bound call."""
    if (id(binding), kind) in _IN_PROGRESS:
        attribute = f"fast_{kind}"
        return lambda value: getattr(binding, attribute)(value)
    compiled: Union[Literal[False], Callable[[Any], Any]] = compile_load(binding) if kind == "load" else compile_dump(binding)
    return compiled or None


def _compile_once(binding: Binding, kind: Literal["load", "dump", "check"], generate: Callable[[Binding], Any]) -> Any:
    """Return ``binding.fast_<kind>``, generating it on first use (``False`` if it cannot be).

    Generation runs under the module lock, with ``(binding, kind)`` marked in
    progress so that a schema nesting itself calls its own function late-bound.
    """
    attribute = f"fast_{kind}"
    with _LOCK:
        compiled = getattr(binding, attribute)
        if compiled is not None:
            return compiled
        key = (id(binding), kind)
        _IN_PROGRESS.add(key)
        try:
            function = generate(binding) if _schema_is_compilable(binding) else None
        finally:
            _IN_PROGRESS.discard(key)
        setattr(binding, attribute, function or False)
        return function or False


def compile_load(binding: Binding) -> Union[Literal[False], LoadFunction]:
    """Return the compiled loader of a binding (``False`` if it cannot be compiled).

    Args:
        binding: the model class's binding.

    Returns:
        ``load(data) -> model``, raising ``ValidationError`` like ``schema.load``.
    """
    compiled: Union[Literal[False], LoadFunction] = _compile_once(
        binding, "load", lambda binding: None if binding.has_pre_load_hooks else _generate_load(binding)
    )
    return compiled


def _field_handler(field: Any, source: _Source, code: _ValueCode) -> Tuple[Optional[str], Optional[str]]:
    """``(inline condition over V, helper call over V)`` for one field; both ``None`` means slow only."""
    condition = _inline_condition(field, "@V@", source)
    if condition is not None:
        return condition, None
    body = _Body()
    result = code(field, "v", source, body, 0)
    if result is None:
        return None, None
    return None, f"{source.helper('conv', body.lines, result)}(@V@)"


def _generate_load(binding: Binding) -> Optional[LoadFunction]:
    schema = binding.schema
    model_cls = binding.model_cls
    source = _Source()
    reserved = binding.reserved
    plain = binding.init_info.plain and model_cls.__new__ is object.__new__
    fields = []
    for name, field in schema.load_fields.items():
        key = field.data_key if field.data_key is not None else name
        attribute = field.attribute or name
        condition, call = _field_handler(field, source, _load_code)
        fields.append((field, key, attribute, condition, call, source.temp("v")))
    all_safe = plain and all(is_attribute_key(attribute, reserved) for _, _, attribute, *_ in fields)
    keys = source.ref(frozenset(key for _, key, *_ in fields), "declared_keys")
    reserved_name = source.ref(reserved, "reserved")

    source.add(0, "def load(data):")
    source.add(1, "if type(data) is not dict and not isinstance(data, Mapping):")
    source.add(2, f"raise ValidationError({{'_schema': [{source.ref(schema.error_messages['type'], 'msg')}]}})")
    source.add(1, "errors = None")
    source.add(1, "out = {}")
    for field, raw_key, raw_attribute, condition, call, value in fields:
        key, attribute = repr(raw_key), repr(raw_attribute)
        f = source.ref(field, "f")
        source.add(1, f"{value} = data.get({key}, MISSING)")
        if call is not None and _is_cached_datetime(field):
            # calibration dates repeat thousands of times: look the text up in the
            # parse cache inline, and call the full conversion only on a miss
            cached = source.temp("c")
            source.add(1, f"{cached} = {source.ref(_DATETIMES.get, 'cached_datetime')}({value}) if type({value}) is str else None")
            source.add(1, f"if {cached} is not None:")
            source.add(2, f"out[{attribute}] = {cached}")
            source.add(1, f"elif {value} is not MISSING:")
            source.add(2, "try:")
            source.add(3, f"out[{attribute}] = {_sub(call, value)}")
            source.add(2, "except (Fallback, ValidationError):")
            _slow_load(source, 3, f, value, key, attribute)
        elif condition is not None:
            # the condition is false for MISSING and for None
            source.add(1, f"if {_sub(condition, value)}:")
            source.add(2, f"out[{attribute}] = {value}")
            source.add(1, f"elif {value} is not MISSING:")
            _slow_load(source, 2, f, value, key, attribute)
        else:
            source.add(1, f"if {value} is not MISSING:")
            if call is None:
                _slow_load(source, 2, f, value, key, attribute)
            else:
                source.add(2, "try:")
                source.add(3, f"out[{attribute}] = {_sub(call, value)}")
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
    source.add(3, f"if type(item) not in {source.ref(SCALAR_TYPES, 'scalar_types')}:")
    source.add(4, "try:")
    source.add(5, f"item = {source.ref(copy_value, 'copy_value')}(item)")
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


def _is_cached_datetime(field: Any) -> bool:
    """Whether a field loads ISO 8601 text through the date-time parse cache, with nothing else to check."""
    return _is(field, "DateTime") and field.format in (None, "iso", "iso8601") and not field.validators


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


def _dump_code(field: Any, value: str, source: _Source, body: _Body, indent: int) -> Optional[str]:
    """Add statements writing ``value``; return the expression of the result, or ``None``."""
    if _is(field, "String", "Email", "Url"):
        body.reject_unless(indent, f"type({value}) is str or {value} is None")
        return value
    if _is(field, "Integer"):
        body.reject_unless(indent, f"type({value}) is int or {value} is None")
        return value
    if _is(field, "Float", "Number"):
        body.reject_unless(indent, f"type({value}) is float or type({value}) is int or {value} is None")
        return value
    if _is(field, "Boolean"):
        body.reject_unless(indent, f"type({value}) is bool or {value} is None")
        return value
    result = source.temp("w")
    if _is(field, "Raw"):
        body.add(indent, f"{result} = {source.ref(to_json, 'to_json')}({value})")
    elif _is(field, "DateTime") and field.format in (None, "iso", "iso8601"):
        body.reject_unless(indent, f"type({value}) is {source.ref(WireDateTime, 'WireDateTime')}")
        body.add(indent, f"{result} = getattr({value}, '_wire_text', None) or {source.ref(format_datetime, 'format_datetime')}({value})")
    elif _is(field, "Complex"):
        body.reject_unless(indent, f"type({value}) is complex")
        body.add(indent, f"{result} = [{value}.real, {value}.imag]")
    elif _is(field, "List") and _is(field.inner, "Complex"):
        # pulse samples: tens of thousands of complex numbers, checked at C level
        body.reject_unless(indent, f"type({value}) is list")
        body.reject_unless(indent, f"{source.ref(frozenset({complex}), 'complex_only')}.issuperset(map(type, {value}))")
        item = source.temp("y")
        body.add(indent, f"{result} = [[{item}.real, {item}.imag] for {item} in {value}]")
    elif _is(field, "List"):
        body.reject_unless(indent, f"type({value}) is list")
        item = source.temp("y")
        inner_body = _Body()
        item_result = _dump_code(field.inner, item, source, inner_body, indent + 1)
        if item_result is None:
            return None
        if item_result == item:
            body.add(indent, f"for {item} in {value}:")
            body.lines.extend(inner_body.lines)
            body.add(indent, f"{result} = {value}[:]")
        else:
            body.add(indent, f"{result} = []")
            body.add(indent, f"for {item} in {value}:")
            body.lines.extend(inner_body.lines)
            body.add(indent + 1, f"{result}.append({item_result})")
    elif (branches := _by_type_branches(field)) is not None:
        body.add(indent, f"if {value} is None:")
        body.add(indent + 1, f"{result} = None")
        body.add(indent, "else:")

        def check_then_write(choice: Any, item: str, code: _Source, branch: _Body, level: int) -> Optional[str]:
            if not _check_code(choice, item, code, branch, level):
                return None
            return _dump_code(choice, item, code, branch, level)

        chosen = _branch_code(branches, value, source, body, indent + 1, check_then_write)
        if chosen is None:
            return None
        body.add(indent + 1, f"{result} = {chosen}")
    elif _dict_parts(field):
        body.reject_unless(indent, f"type({value}) is dict")
        if field.key_field is not None:
            key = source.temp("k")
            body.add(indent, f"for {key} in {value}:")
            body.reject_unless(indent + 1, f"type({key}) is str")
        if field.value_field is None:
            body.add(indent, f"{result} = {source.ref(to_json, 'to_json')}({value})")
        else:
            key, item = source.temp("k"), source.temp("y")
            inner_body = _Body()
            item_result = _dump_code(field.value_field, item, source, inner_body, indent + 1)
            if item_result is None:
                return None
            body.add(indent, f"{result} = {{}}")
            body.add(indent, f"for {key}, {item} in {value}.items():")
            body.lines.extend(inner_body.lines)
            body.add(indent + 1, f"{result}[{key}] = {item_result}")
    elif _is(field, "Nested"):
        binding = _nested_target(field)
        dumper = _child_function(binding, "dump") if binding is not None else None
        if binding is None or dumper is None:
            return None
        dump, model = source.ref(dumper, "dump"), source.ref(binding.model_cls, "model")
        if field.many or field.schema.many:
            body.reject_unless(indent, f"type({value}) is list")
            item = source.temp("y")
            body.add(indent, f"for {item} in {value}:")
            body.reject_unless(indent + 1, f"type({item}) is {model}")
            body.add(indent, f"{result} = [{dump}({item}) for {item} in {value}]")
        else:
            body.reject_unless(indent, f"type({value}) is {model}")
            body.add(indent, f"{result} = {dump}({value})")
    else:
        return None
    return result


def compile_dump(binding: Binding) -> Union[Literal[False], DumpFunction]:
    """Return the compiled dumper of a binding (``False`` if it cannot be compiled).

    Args:
        binding: the model class's binding.

    Returns:
        ``dump(obj) -> dict``, raising ``ValidationError`` like ``schema.dump``.
    """
    compiled: Union[Literal[False], DumpFunction] = _compile_once(binding, "dump", _generate_dump)
    return compiled


def _dump_condition(field: Any, value: str) -> Optional[str]:
    """A condition under which a scalar field writes ``value`` unchanged, else ``None``."""
    for names, kinds in (
        (("String", "Email", "Url"), ("str",)),
        (("Integer",), ("int",)),
        (("Float", "Number"), ("float", "int")),
        (("Boolean",), ("bool",)),
    ):
        if _is(field, *names):
            return " or ".join([*(f"type({value}) is {kind}" for kind in kinds), f"{value} is None"])
    return None


def _generate_dump(binding: Binding) -> Optional[DumpFunction]:
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
        condition, call = None, None
        if simple:
            condition = _dump_condition(field, "@V@")
            if condition is None:
                body = _Body()
                result = _dump_code(field, "v", source, body, 0)
                if result is not None:
                    call = f"{source.helper('write', body.lines, result)}(@V@)"
        fields.append((field, key, repr(attribute), direct, simple, condition, call, source.temp("v")))

    source.add(0, "def dump(obj):")
    source.add(1, "d = obj.__dict__")
    source.add(1, "out = {}")
    for field, key, attribute, direct, simple, condition, call, value in fields:
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
        if condition is not None:
            source.add(1, f"if {_sub(condition, value)}:")
            source.add(2, f"out[{key}] = {value}")
            source.add(1, f"elif {value} is not MISSING:")
            _slow_dump(source, 2, f, value, key, attribute)
        else:
            source.add(1, f"if {value} is not MISSING:")
            if call is None:
                _slow_dump(source, 2, f, value, key, attribute)
            else:
                source.add(2, "try:")
                source.add(3, f"out[{key}] = {_sub(call, value)}")
                source.add(2, "except (Fallback, ValidationError):")
                _slow_dump(source, 3, f, value, key, attribute)
    shortcut = all(simple and direct for _, _, _, direct, simple, *_ in fields) and len(fields) == len(schema.fields)
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


def _check_code(field: Any, value: str, source: _Source, body: _Body, indent: int) -> bool:
    """Add statements that return normally when the constructor check accepts ``value`` at once."""
    scalar = _scalar_condition(field, value, source)
    if scalar is not None:
        condition, hashable, text = scalar
    elif _is(field, "DateTime"):
        condition, hashable, text = f"type({value}) in {source.ref(frozenset({datetime, WireDateTime}), 'datetimes')}", True, False
    elif _is(field, "Complex"):
        finite = "" if field.allow_nan else f" and {value}.real - {value}.real == 0.0 and {value}.imag - {value}.imag == 0.0"
        condition, hashable, text = f"type({value}) is complex{finite}", True, False
    elif _is(field, "Nested") and field.only is None and not field.exclude:
        model = source.ref(field.schema.model_cls, "model")
        if field.many or field.schema.many:
            body.reject_unless(indent, f"type({value}) is list")
            item = source.temp("y")
            body.add(indent, f"for {item} in {value}:")
            body.reject_unless(indent + 1, f"type({item}) is {model}")
            _validate(field, value, source, body, indent, hashable=False, text=False)
            return True
        condition, hashable, text = f"type({value}) is {model}", False, False
    elif (branches := _by_type_branches(field)) is not None:
        for number, (choice, dispatch) in enumerate(branches):
            branch = _Body()
            if not _check_code(choice, value, source, branch, indent + 1):
                return False
            body.add(indent, f"{'if' if number == 0 else 'elif'} {_sub(dispatch, value)}:")
            body.lines.extend(branch.lines)
        body.add(indent, "else:")
        body.add(indent + 1, "raise Fallback")
        _validate(field, value, source, body, indent, hashable=False, text=False)
        return True
    elif _dict_parts(field):
        body.reject_unless(indent, f"type({value}) is dict")
        if field.key_field is not None:
            key = source.temp("k")
            body.add(indent, f"for {key} in {value}:")
            body.reject_unless(indent + 1, f"type({key}) is str")
        item = source.temp("y")
        if field.value_field is None:
            body.add(indent, f"for {item} in {value}.values():")
            body.add(indent + 1, f"if type({item}) not in {source.ref(SCALAR_TYPES, 'scalar_types')}:")
            body.add(indent + 2, f"{source.ref(check_depth, 'check_depth')}({item})")
        else:
            inner_body = _Body()
            if not _check_code(field.value_field, item, source, inner_body, indent + 1):
                return False
            body.add(indent, f"for {item} in {value}.values():")
            body.lines.extend(inner_body.lines)
        _validate(field, value, source, body, indent, hashable=False, text=False)
        return True
    elif _is(field, "List"):
        body.reject_unless(indent, f"type({value}) is list")
        item = source.temp("y")
        inner_body = _Body()
        if not _check_code(field.inner, item, source, inner_body, indent + 1):
            return False
        body.add(indent, f"for {item} in {value}:")
        body.lines.extend(inner_body.lines)
        _validate(field, value, source, body, indent, hashable=False, text=False)
        return True
    else:
        return False
    body.reject_unless(indent, condition)
    _validate(field, value, source, body, indent, hashable, text)
    return True


def compile_check(binding: Binding) -> Union[Literal[False], CheckFunction]:
    """Return the compiled constructor check of a binding (``False`` if it cannot be compiled).

    Args:
        binding: the model class's binding.

    Returns:
        ``check(kwargs) -> bool``, raising ``ValidationError`` like the reference
        check; it returns whether every key may be stored as an attribute.
    """
    compiled: Union[Literal[False], CheckFunction] = _compile_once(binding, "check", _generate_check)
    return compiled


def _generate_check(binding: Binding) -> Optional[CheckFunction]:
    shallow = binding.shallow_schema
    reserved = binding.reserved
    source = _Source()
    checks = []
    for name, field in shallow.load_fields.items():
        condition = _inline_condition(field, "@V@", source)
        call = None
        if condition is None:
            body = _Body()
            if _check_code(field, "v", source, body, 0):
                call = f"{source.helper('check', body.lines, 'True')}(@V@)"
        checks.append((field, repr(name), condition, call, source.temp("v")))
    source.add(0, "def check(data):")
    # The straight path: every field present and accepted at once.
    names_safe = all(is_attribute_key(name, reserved) for name in shallow.load_fields)
    straight = all(field.required and condition is not None for field, _, condition, _, _ in checks)
    if checks and names_safe and straight:
        source.add(1, "try:")
        for _, key, _, _, value in checks:
            source.add(2, f"{value} = data[{key}]")
        source.add(1, "except KeyError:")
        source.add(2, "pass")
        source.add(1, "else:")
        # (every condition is set on the straight path)
        source.add(2, f"if {_join([_sub(condition, value) for _, _, condition, _, value in checks if condition is not None])}:")
        source.add(3, f"if len(data) == {len(checks)}:")
        source.add(4, "return True")
    source.add(1, "errors = None")
    for field, key, condition, call, value in checks:
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
        if condition is not None:
            source.add(1, f"elif not ({_sub(condition, value)}):")
            _slow_check(source, 2, f, value, key)
        elif call is not None:
            source.add(1, "else:")
            source.add(2, "try:")
            source.add(3, _sub(call, value))
            source.add(2, "except (Fallback, ValidationError):")
            _slow_check(source, 3, f, value, key)
        else:
            source.add(1, "else:")
            _slow_check(source, 2, f, value, key)
    source.add(1, "if errors is not None:")
    source.add(2, "raise ValidationError(errors, data=data)")
    source.add(1, f"{source.ref(binding.check_unknown, 'check_unknown')}(data, {source.ref(binding.declared, 'declared')})")
    source.add(1, f"return all(type(key) is str and key.isidentifier() and key[0] != '_' and key not in {source.ref(reserved, 'reserved')} for key in data)")
    return source.build("check")


def _slow_check(source: _Source, indent: int, field: str, value: str, key: str) -> None:
    source.add(indent, "try:")
    source.add(indent + 1, f"{field}.deserialize({value}, {key}, data)")
    source.add(indent, "except ValidationError as error:")
    source.add(indent + 1, "if errors is None:")
    source.add(indent + 2, "errors = {}")
    source.add(indent + 1, f"errors[{key}] = error.messages")
