"""Export a model as a standalone JSON Schema (draft 2020-12).

::

    from qiskit_models import JobStatus
    from qiskit_models.jsonschema import model_json_schema

    schema = model_json_schema(JobStatus)

The document describes what ``Model.from_dict`` accepts: its declared fields as
``properties`` (with ``required``), its nested models as ``$defs``, and
``additionalProperties: true`` because unknown keys are kept.  The mapping of
each field is listed in the documentation ("JSON Schema export").

Built on apispec's marshmallow plugin, an optional dependency:
``pip install 'qiskit-models[jsonschema]'``.  Nothing is registered in
apispec's process-wide tables: custom field mappings belong to one
:class:`JSONSchemaExporter` (or one :func:`model_json_schema` call).
"""

from __future__ import annotations

import copy
import inspect
from typing import Any, Callable, Dict, Mapping, Optional, Protocol, Union

import marshmallow

from qiskit_models.jsonschema.exceptions import INSTALL_HINT, ExtraNotInstalledError, JSONSchemaExportError
from qiskit_models.validation._compat import AnyField

__all__ = ["DRAFT_2020_12", "ExportContext", "FieldMapping", "JSONSchemaExporter", "model_json_schema"]

#: The ``$schema`` of every exported document.
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"


class ExportContext(Protocol):
    """What a mapping function receives as its second argument."""

    def field_schema(self, field: AnyField, *, nullable: bool = True) -> Dict[str, Any]:
        """Return the JSON Schema of another field (an item field, for example)."""

    def schema_ref(self, schema: Any) -> Dict[str, Any]:
        """Return a ``$ref`` to the definition of a marshmallow schema (class or instance)."""

    def define(self, name: str, schema: Any) -> Dict[str, Any]:
        """Add a named definition (a dict, or a function of its own ``$ref``) and return its ``$ref``."""


#: How a field class is written in JSON Schema: a fixed schema, or a function
#: ``(field, context) -> schema``.  The field's validators and ``allow_none``
#: are added to it by the exporter.
FieldMapping = Union[Mapping[str, Any], Callable[[AnyField, ExportContext], Dict[str, Any]]]


def _summary(model: Any) -> Optional[str]:
    """The first paragraph of a class's own docstring, on one line."""
    if not isinstance(model, type) or "__doc__" not in model.__dict__ or not model.__doc__:
        return None
    text = inspect.cleandoc(model.__doc__).split("\n\n", 1)[0]
    return " ".join(text.split()) or None


def _root_schema(model: Any) -> Any:
    """Return ``(title, description, schema instance)`` of a model or schema."""
    if isinstance(model, marshmallow.Schema):
        return type(model).__name__, _summary(type(model)), model
    if isinstance(model, type) and issubclass(model, marshmallow.Schema):
        return model.__name__, _summary(model), model()
    from qiskit_models.validation.base import BaseModel

    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise JSONSchemaExportError(f"{model!r} is not a model class or a marshmallow schema.")
    try:
        schema = model.schema
    except (AttributeError, TypeError):
        schema = None
    if not isinstance(schema, marshmallow.Schema):
        raise JSONSchemaExportError(f"{model.__name__} is not bound to a schema; decorate it with @bind_schema.")
    return model.__name__, _summary(model) or _summary(type(schema)), schema


class JSONSchemaExporter:
    """Exports models as JSON Schema, with its own custom field mappings.

    Args:
        field_schemas: ``field class -> FieldMapping`` for fields that the
            exporter does not know (a plugin's own fields).  A mapping applies
            to subclasses too; the most specific class wins.

    Example::

        exporter = JSONSchemaExporter({QubitIndex: {"type": "integer", "minimum": 0}})
        schema = exporter.export(MyModel)
    """

    def __init__(self, field_schemas: Optional[Mapping[type, FieldMapping]] = None) -> None:
        self._mappings: Dict[type, FieldMapping] = {}
        for field_cls, mapping in (field_schemas or {}).items():
            self.register(field_cls, mapping)

    def register(self, field_cls: type, mapping: FieldMapping) -> None:
        """Say how fields of a class (and its subclasses) are written in JSON Schema.

        Args:
            field_cls: a marshmallow field class.
            mapping: a fixed schema, or a function ``(field, context) -> schema``.

        Raises:
            JSONSchemaExportError: ``field_cls`` is not a field class or the
                mapping is neither a mapping nor callable.
        """
        if not (isinstance(field_cls, type) and issubclass(field_cls, marshmallow.fields.Field)):
            raise JSONSchemaExportError(f"{field_cls!r} is not a marshmallow field class.")
        if not (callable(mapping) or isinstance(mapping, Mapping)):
            raise JSONSchemaExportError(f"the mapping of {field_cls.__name__} must be a mapping or a function.")
        self._mappings[field_cls] = mapping

    def export(self, model: Any) -> Dict[str, Any]:
        """Return the JSON Schema document of a model.

        Args:
            model: a bound model class (``JobStatus``, a plugin's own model), or
                a marshmallow schema class or instance.

        Returns:
            A new dictionary: ``$schema``, ``title``, the root schema and
            ``$defs`` with the nested schemas.

        Raises:
            JSONSchemaExportError: ``model`` is not a bound model or a schema.
            ExtraNotInstalledError: apispec is not installed.
        """
        title, description, schema = _root_schema(model)
        try:
            from qiskit_models.jsonschema import _converter
            from qiskit_models.jsonschema._fields import BUILT_IN_MAPPINGS
        except ImportError as error:
            if (error.name or "").split(".")[0] in ("apispec", "packaging"):
                raise ExtraNotInstalledError(
                    f"exporting JSON Schema needs apispec: {INSTALL_HINT}"
                ) from error
            raise
        export = _converter.Exporter([self._mappings, BUILT_IN_MAPPINGS])
        many = bool(getattr(schema, "many", False))
        if many:
            schema = copy.copy(schema)
            schema.many = False
        root, definitions = export.document(schema, inline_root=not many)
        document: Dict[str, Any] = {"$schema": DRAFT_2020_12, "title": title}
        if description:
            document["description"] = description
        root.pop("title", None)
        document.update(root)
        if definitions:
            document["$defs"] = definitions
        return document


def model_json_schema(model: Any, *, field_schemas: Optional[Mapping[type, FieldMapping]] = None) -> Dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a model, nested models as ``$defs``.

    Args:
        model: a bound model class, including a plugin's own, or a
            marshmallow schema class or instance.
        field_schemas: mappings for field classes the exporter does not know
            (see :class:`JSONSchemaExporter`).

    Returns:
        The JSON Schema document (JSON types only; ``json.dumps`` accepts it).

    Raises:
        JSONSchemaExportError: ``model`` is not a bound model or a schema.
        ExtraNotInstalledError: apispec is not installed
            (``pip install 'qiskit-models[jsonschema]'``).
    """
    return JSONSchemaExporter(field_schemas).export(model)
