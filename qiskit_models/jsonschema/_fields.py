"""JSON Schema of the qiskit-models fields that apispec cannot know.

Each mapping takes the field and the export (:class:`._converter.Exporter`) and
returns the schema of the values that ``from_dict`` accepts for it, before the
field's validators and ``allow_none`` are added.  ``String``, ``Integer``,
``Float``, ``Number``, ``List``, ``Dict`` and ``Nested`` need no mapping:
apispec's own conversion already says exactly what they accept.  ``Nested``
has a mapping only because apispec reads ``many`` from the nested schema
instance, which marshmallow 3 does not set for ``Nested(lambda: S(), many=True)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable, Dict, List

from qiskit_models.jsonschema._patterns import DATE_PATTERN, DATETIME_PATTERN
from qiskit_models.jsonschema._validators import NotJSON, json_value
from qiskit_models.jsonschema.exporter import ExportContext
from qiskit_models.validation import fields

__all__ = ["BUILT_IN_MAPPINGS"]

_ISO = (None, "iso", "iso8601")
_NOTHING: Dict[str, Any] = {"not": {}}


def _boolean(field: Any, export: ExportContext) -> Dict[str, Any]:
    extras = []
    for value in sorted(getattr(field, "_extra_true", frozenset()) | getattr(field, "_extra_false", frozenset()), key=repr):
        try:
            extras.append(json_value(value))
        except NotJSON:
            continue
    if not extras:
        return {"type": "boolean"}
    return {"anyOf": [{"type": "boolean"}, {"enum": extras}]}


def _datetime(field: Any, export: ExportContext) -> Dict[str, Any]:
    if field.format in _ISO:
        return {"type": "string", "pattern": DATETIME_PATTERN}
    return {"type": "string"}


def _date(field: Any, export: ExportContext) -> Dict[str, Any]:
    if field.format in _ISO:
        return {"type": "string", "pattern": DATE_PATTERN}
    return {"type": "string"}


def _complex(field: Any, export: ExportContext) -> Dict[str, Any]:
    return {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}


def _instruction_parameter(field: Any, export: ExportContext) -> Dict[str, Any]:
    return export.define(
        "InstructionParameter",
        lambda ref: {
            "description": "A number, a string, or a list of instruction parameters.",
            "anyOf": [{"type": ["number", "string"]}, {"type": "array", "items": ref}],
        },
    )


def _raw(field: Any, export: ExportContext) -> Dict[str, Any]:
    return {}


def _many(field: Any, item: Dict[str, Any]) -> Dict[str, Any]:
    return {"type": "array", "items": item} if field.many else item


def _nested(field: Any, export: ExportContext) -> Dict[str, Any]:
    schema = field.schema
    ref = export.schema_ref(schema)
    if ref.get("type") == "array":
        return ref
    return _many(field, ref) if not getattr(schema, "many", False) else {"type": "array", "items": ref}


def _try_from(field: Any, export: ExportContext) -> Dict[str, Any]:
    refs = [export.schema_ref(schema) for schema in field.choice_schemas]
    return _many(field, {"anyOf": refs} if refs else dict(_NOTHING))


def _by_attribute(field: Any, export: ExportContext) -> Dict[str, Any]:
    choices = field._choices if isinstance(field._choices, Mapping) else {}  # noqa: SLF001
    options: List[Dict[str, Any]] = []
    earlier: List[str] = []
    for key, schema_cls in choices.items():
        option: Dict[str, Any] = {"required": [key]}
        if earlier:
            option["not"] = {"anyOf": [{"required": [other]} for other in earlier]}
        option.update(export.schema_ref(field.schema_for(schema_cls)))
        options.append(option)
        earlier.append(key)
    return _many(field, {"anyOf": options} if options else dict(_NOTHING))


def _by_type(field: Any, export: ExportContext) -> Dict[str, Any]:
    # A ``None`` never reaches the choices: the ByType field's own allow_none decides.
    choices = [export.field_schema(choice, nullable=False) for choice in field.choices]
    return {"anyOf": choices} if choices else dict(_NOTHING)


#: ``field class -> mapping`` for the qiskit-models fields.
BUILT_IN_MAPPINGS: Dict[type, Callable[[Any, ExportContext], Dict[str, Any]]] = {
    fields.Boolean: _boolean,
    fields.DateTime: _datetime,
    fields.Date: _date,
    fields.Complex: _complex,
    fields.InstructionParameter: _instruction_parameter,
    fields.Raw: _raw,
    fields.Nested: _nested,
    fields.TryFrom: _try_from,
    fields.ByAttribute: _by_attribute,
    fields.ByType: _by_type,
}
