"""The apispec converter that writes qiskit-models schemas as JSON Schema.

apispec's marshmallow plugin walks schemas and fields and writes OpenAPI 3.1
schema objects, which are JSON Schema 2020-12 apart from where references
point.  :class:`Converter` is a per-export subclass of its ``OpenAPIConverter``:

* its field mapping is its own copy, so nothing is registered in apispec's
  process-wide tables;
* fields with a registered mapping (every qiskit-models field apispec cannot
  know, plus the user's) are converted by that mapping;
* validators are translated by :mod:`._validators` (Range inclusivity, Length
  of objects, several Regexps, ``Or``, ``PatternProperties``, ...);
* a schema's properties describe what ``from_dict`` accepts: ``dump_only``
  fields are not checked on load, unknown keys are allowed unless the schema
  raises on them.

This module imports apispec; import it only when apispec is installed.
"""

from __future__ import annotations

import copy
from typing import Any, Callable, Dict, FrozenSet, List, Mapping, Optional, Set, Tuple, cast

import marshmallow
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.ext.marshmallow.common import resolve_schema_cls, resolve_schema_instance
from apispec.ext.marshmallow.field_converter import DEFAULT_FIELD_MAPPING
from apispec.ext.marshmallow.openapi import OpenAPIConverter

from qiskit_models.jsonschema._validators import NotJSON, describe_unexported, json_value, validator_schema
from qiskit_models.validation._compat import AnyField

__all__ = ["Converter", "Exporter", "REF_PREFIX"]

#: Where the exported document keeps its definitions.
REF_PREFIX = "#/$defs/"
_COMPONENT_PREFIX = "#/components/schemas/"

#: A registered mapping: a fixed schema, or a function of the field and the export.
MappingLike = Any

#: Keywords that only describe (never reject) a value.
_ANNOTATIONS = frozenset(
    {"title", "description", "default", "examples", "readOnly", "writeOnly", "deprecated", "$comment"}
)
#: Keywords that constrain only values of a given JSON type, so adding ``null``
#: to ``type`` (or to ``enum``) makes the schema accept ``null`` as well.
_TYPED_KEYWORDS = frozenset(
    {
        "type",
        "format",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "items",
        "prefixItems",
        "minItems",
        "maxItems",
        "uniqueItems",
        "contains",
        "properties",
        "patternProperties",
        "additionalProperties",
        "propertyNames",
        "required",
        "minProperties",
        "maxProperties",
        "enum",
    }
)
#: JSON Schema 2020-12 keywords a field's metadata may set (plus ``x-`` extensions).
_METADATA_KEYWORDS = _ANNOTATIONS | _TYPED_KEYWORDS | {"const", "anyOf", "allOf", "oneOf", "not"}


def merge(base: Dict[str, Any], extra: Dict[str, Any]) -> Dict[str, Any]:
    """Add keywords to a schema; keywords it already has with another value go to ``allOf``.

    Args:
        base: the schema, changed in place.
        extra: the keywords to add (all of them must hold).

    Returns:
        ``base``.
    """
    if any(key in base and base[key] != value for key, value in extra.items()):
        base.setdefault("allOf", []).append(extra)
    else:
        base.update(extra)
    return base


def json_types(schema: Mapping[str, Any]) -> Optional[FrozenSet[str]]:
    """The JSON types a schema accepts, when it says so with ``type`` or ``$ref``."""
    kind = schema.get("type")
    if isinstance(kind, str):
        return frozenset({kind})
    if isinstance(kind, list):
        return frozenset(kind)
    if "$ref" in schema:
        return frozenset({"object"})
    return None


def allow_null(schema: Dict[str, Any]) -> Dict[str, Any]:
    """Return a schema that also accepts ``null``.

    Args:
        schema: a field's schema.

    Returns:
        The same keywords with ``null`` added to ``type`` (and ``enum``) when
        that is enough, else ``anyOf`` of the schema and ``{"type": "null"}``.
    """
    asserting = {key for key in schema if key not in _ANNOTATIONS and not key.startswith("x-")}
    if not asserting:
        return schema
    if asserting <= _TYPED_KEYWORDS and "type" in schema:
        result = dict(schema)
        types = result["type"] if isinstance(result["type"], list) else [result["type"]]
        if "null" not in types:
            result["type"] = [*types, "null"]
        if "enum" in result and None not in result["enum"]:
            result["enum"] = [*result["enum"], None]
        return result
    annotations = {key: value for key, value in schema.items() if key not in asserting}
    body = {key: value for key, value in schema.items() if key in asserting}
    return {**annotations, "anyOf": [body, {"type": "null"}]}


def may_be_null(schema: Mapping[str, Any]) -> bool:
    """Tell whether a schema might accept ``null`` (``False`` only when it surely rejects it).

    References are taken to reject ``null``: they point at object schemas or
    at definitions made by mappings, which describe non-null values.
    """
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if "null" not in types:
            return False
    if "enum" in schema and None not in schema["enum"]:
        return False
    if "const" in schema and schema["const"] is not None:
        return False
    if "$ref" in schema:
        return False
    if schema.get("not") == {"type": "null"} or schema.get("not") == {}:
        return False
    for key in ("anyOf", "oneOf"):
        if key in schema and not any(may_be_null(branch) for branch in schema[key]):
            return False
    if "allOf" in schema and any(not may_be_null(branch) for branch in schema["allOf"]):
        return False
    return True


def forbid_null(schema: Dict[str, Any]) -> Dict[str, Any]:
    """Return a schema that rejects ``null`` (marshmallow rejects it before the field sees it)."""
    if not may_be_null(schema):
        return schema
    return merge(dict(schema), {"not": {"type": "null"}})


class _Names:
    """Definition names: the schema class name, made unique when two classes share it."""

    def __init__(self) -> None:
        self._owners: Dict[str, Any] = {}
        self._variants: Dict[Any, int] = {}

    def reserve(self, name: str, owner: Any) -> str:
        if self._owners.get(name, owner) is owner:
            self._owners[name] = owner
            return name
        number = 2
        while f"{name}{number}" in self._owners:
            number += 1
        self._owners[f"{name}{number}"] = owner
        return f"{name}{number}"

    def for_schema(self, schema: Any) -> str:
        schema_cls = resolve_schema_cls(schema)
        if isinstance(schema_cls, list):  # pragma: no cover - apispec's multi-schema form
            schema_cls = schema_cls[0]
        name = schema_cls.__name__
        if self._owners.get(name, schema_cls) is not schema_cls:
            name = f"{schema_cls.__module__}.{schema_cls.__qualname__}"
        # The same class again under another key (``only=``, ``exclude=`` ...) needs its own name.
        count = self._variants.get(schema_cls, 0)
        self._variants[schema_cls] = count + 1
        if count:
            name = f"{name}{count + 1}"
        return self.reserve(name, schema_cls if not count else (schema_cls, count))


class Converter(OpenAPIConverter):
    """apispec's converter with qiskit-models semantics (see the module documentation).

    Args:
        spec: the apispec document the definitions are collected in.
        names: the definition names.
        mappings: ``field class -> mapping`` lookups, most important first.
        export: the :class:`Exporter` given to mapping functions.
    """

    def __init__(self, spec: APISpec, names: _Names, mappings: List[Mapping[type, MappingLike]], export: "Exporter") -> None:
        self._mappings = mappings
        self._export = export
        super().__init__("3.1.0", names.for_schema, spec)
        # A private copy: never the process-wide table that apispec users share.
        self.field_mapping = dict(DEFAULT_FIELD_MAPPING)
        self.field_mapping[marshmallow.fields.URL] = ("string", "uri")
        self._no_null: Set[int] = set()

    def init_attribute_functions(self) -> None:
        """Choose the steps that turn a field into a schema (apispec's, minus the replaced ones)."""
        self.attribute_functions = [
            self.field2type_and_format,
            self.field2default,
            self.field2read_only,
            self.field2write_only,
            self.metadata2properties,
            self.enum2properties,
            self.nested2properties,
            self.pluck2properties,
            self.list2properties,
            self.dict2properties,
            self.dictkeys2properties,
            self.timedelta2properties,
            self.datetime2properties,
        ]

    # -- fields -----------------------------------------------------------------

    def registered_mapping(self, field: AnyField) -> Optional[MappingLike]:
        """Return the registered mapping of the field's class (or of its nearest base)."""
        for cls in type(field).__mro__:
            for table in self._mappings:
                if cls in table:
                    return table[cls]
        return None

    def field2property(self, field: AnyField) -> Dict[str, Any]:
        """Return the JSON Schema of a field: its type, its validators and ``null`` if allowed."""
        mapping = self.registered_mapping(field)
        if mapping is None:
            ret = super().field2property(field)
        else:
            ret = copy.deepcopy(mapping(field, self._export)) if callable(mapping) else copy.deepcopy(dict(mapping))
            for step in (self.field2default, self.field2read_only, self.field2write_only, self.metadata2properties):
                merge(ret, step(field, ret=ret))
        self._add_validators(field, ret)
        if field.allow_none and id(field) not in self._no_null:
            return allow_null(ret)
        return forbid_null(ret)

    def field_schema(self, field: AnyField, *, nullable: bool = True) -> Dict[str, Any]:
        """Convert a field; with ``nullable=False`` its ``allow_none`` is ignored."""
        if nullable:
            return self.field2property(field)
        self._no_null.add(id(field))
        try:
            return self.field2property(field)
        finally:
            self._no_null.discard(id(field))

    def _add_validators(self, field: AnyField, ret: Dict[str, Any]) -> None:
        left_out: List[str] = []
        types = json_types(ret)
        for validator in getattr(field, "validators", ()):
            schema = validator_schema(validator, types, self.field2property)
            if schema is None:
                left_out.append(describe_unexported(validator))
            elif schema:
                merge(ret, schema)
        if left_out:
            note = "Also checked by qiskit-models, not expressed here: " + ", ".join(left_out) + "."
            ret["$comment"] = f"{ret['$comment']} {note}" if "$comment" in ret else note

    def field2default(self, field: AnyField, **kwargs: Any) -> Dict[str, Any]:
        """The ``default`` annotation: the field's load default, written as JSON (if it can be)."""
        if "default" in field.metadata:
            value = field.metadata["default"]
        else:
            value = field.load_default
            if value is marshmallow.missing or callable(value):
                return {}
            try:
                value = field._serialize(value, None, None)  # noqa: SLF001
            except Exception:  # noqa: BLE001 - a default the field cannot write is simply not shown
                return {}
        try:
            return {"default": json_value(value)}
        except NotJSON:
            return {}

    def metadata2properties(self, field: AnyField, **kwargs: Any) -> Dict[str, Any]:
        """Field metadata that are JSON Schema 2020-12 keywords (``example`` becomes ``examples``)."""
        ret: Dict[str, Any] = {}
        for key, value in field.metadata.items():
            if not isinstance(key, str):
                continue
            if key.startswith("x_"):
                key = key.replace("_", "-")
            if key == "example":
                key, value = "examples", [value]
            if key in _METADATA_KEYWORDS or key.startswith("x-"):
                try:
                    ret[key] = json_value(value) if key not in ("anyOf", "allOf", "oneOf", "not") else value
                except NotJSON:
                    continue
        return ret

    def dictkeys2properties(self, field: AnyField, **kwargs: Any) -> Dict[str, Any]:
        """``propertyNames`` from a ``Dict`` field's key field."""
        key_field = getattr(field, "key_field", None)
        if isinstance(field, marshmallow.fields.Dict) and key_field is not None:
            return {"propertyNames": self.field_schema(key_field, nullable=False)}
        return {}

    # -- schemas ----------------------------------------------------------------

    def schema2jsonschema(self, schema: Any) -> Dict[str, Any]:
        """Return the JSON Schema of a marshmallow schema, as ``from_dict`` reads payloads."""
        instance = resolve_schema_instance(schema)
        result = self.fields2jsonschema(instance.fields)
        result["additionalProperties"] = instance.unknown != marshmallow.RAISE
        model_cls = getattr(instance, "model_cls", None)
        if isinstance(model_cls, type) and model_cls.__module__ != "types":
            result = {"title": model_cls.__name__, **result}
        hooks = _python_hooks(instance)
        if hooks:
            result["$comment"] = "Also checked by qiskit-models, not expressed here: " + ", ".join(hooks) + "."
        return result

    def fields2jsonschema(self, fields: Mapping[str, AnyField], *, partial: Any = None) -> Dict[str, Any]:
        """Properties and required keys, in declaration order; ``dump_only`` fields are not checked."""
        properties: Dict[str, Any] = {}
        required: List[str] = []
        for name, field in fields.items():
            key = field.data_key or name
            if field.dump_only:
                properties[key] = {"readOnly": True}
                continue
            properties[key] = self.field2property(field)
            if field.required and not partial:
                required.append(key)
        result: Dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            result["required"] = required
        return result


def _python_hooks(schema: marshmallow.Schema) -> List[str]:
    """Name the schema's Python hooks that validate or change payloads."""
    hooks = getattr(schema, "_hooks", {}) or {}
    found = []
    for tag in ("pre_load", "validates", "validates_schema"):
        for entry in hooks.get(tag, ()):
            name = entry[0] if isinstance(entry, tuple) else str(entry)
            found.append(f"{tag} hook {name}")
    return found


class Exporter:
    """One export: an apispec document, the definitions made so far and the mappings.

    Mapping functions receive it as their second argument.

    Args:
        mappings: ``field class -> mapping`` lookups, most important first.
    """

    def __init__(self, mappings: List[Mapping[type, MappingLike]]) -> None:
        self._names = _Names()
        self._mappings = mappings
        plugin = MarshmallowPlugin(schema_name_resolver=self._names.for_schema)
        # a factory in place of apispec's converter class, so that each export has its own
        setattr(plugin, "Converter", self._make_converter)  # noqa: B010
        self._spec = APISpec("qiskit-models", "1", "3.1.0", plugins=[plugin])
        self._defs: Dict[str, Any] = {}
        self._defined: Dict[str, str] = {}
        self.converter = cast(Converter, plugin.converter)  # made by the factory above

    def _make_converter(self, openapi_version: Any, schema_name_resolver: Callable[..., str], spec: APISpec) -> Converter:
        return Converter(spec, self._names, self._mappings, self)

    def field_schema(self, field: AnyField, *, nullable: bool = True) -> Dict[str, Any]:
        """Return the JSON Schema of a field (for mappings of container fields).

        Args:
            field: the field.
            nullable: ``False`` to ignore the field's ``allow_none``.

        Returns:
            The schema.
        """
        return self.converter.field_schema(field, nullable=nullable)

    def schema_ref(self, schema: Any) -> Dict[str, Any]:
        """Return ``{"$ref": ...}`` to the definition of a marshmallow schema, adding it if needed.

        Args:
            schema: a schema class or instance.

        Returns:
            The reference (an array of references for a ``many=True`` instance).
        """
        ref: Dict[str, Any] = self.converter.resolve_nested_schema(schema)  # type: ignore[no-untyped-call]  # apispec's is untyped
        return ref

    def define(self, name: str, schema: Dict[str, Any]) -> Dict[str, Any]:
        """Add a named definition (for recursive values) and return a reference to it.

        Args:
            name: the preferred name; made unique if it is taken.
            schema: the definition, or a function of its own reference that
                returns it (for a recursive definition).

        Returns:
            ``{"$ref": "#/$defs/<name>"}``.
        """
        known = self._defined.get(name)
        if known is not None:
            return {"$ref": REF_PREFIX + known}
        unique = self._names.reserve(name, ("define", name))
        self._defined[name] = unique
        ref = {"$ref": REF_PREFIX + unique}
        self._defs[unique] = schema(ref) if callable(schema) else schema
        return ref

    def document(self, schema: marshmallow.Schema, *, inline_root: bool = True) -> Tuple[Dict[str, Any], Dict[str, Any]]:
        """Convert a root schema.

        Args:
            schema: the root schema instance (``many=False``).
            inline_root: return the root schema itself, with references to it
                written ``#``; otherwise return a reference to its definition.

        Returns:
            ``(root schema, definitions)``, references pointing at ``#/$defs/``.
        """
        root_name = self._names.for_schema(schema)
        self._spec.components.schema(root_name, schema=schema)
        components = dict(self._spec.to_dict().get("components", {}).get("schemas", {}))
        components.update(self._defs)
        if not inline_root:
            definitions = {name: _retarget(value, None) for name, value in components.items()}
            return {"type": "array", "items": {"$ref": REF_PREFIX + root_name}}, definitions
        root = components.pop(root_name)
        definitions = {name: _retarget(value, root_name) for name, value in components.items()}
        return _retarget(root, root_name), definitions


_VALUE_KEYWORDS = frozenset({"default", "const", "enum", "examples"})


def _retarget(value: Any, root_name: Optional[str]) -> Any:
    """Point apispec's ``#/components/schemas/X`` references at ``#/$defs/X`` (``#`` for the root)."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str) and item.startswith(_COMPONENT_PREFIX):
                name = item[len(_COMPONENT_PREFIX) :]
                result[key] = "#" if name == root_name else REF_PREFIX + name
            elif key in _VALUE_KEYWORDS:
                result[key] = item
            else:
                result[key] = _retarget(item, root_name)
        return result
    if isinstance(value, list):
        return [_retarget(item, root_name) for item in value]
    return value
