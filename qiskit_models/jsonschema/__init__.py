"""JSON Schema (draft 2020-12) of qiskit-models models: the optional ``jsonschema`` extra.

Install it with ``pip install 'qiskit-models[jsonschema]'`` (it brings apispec)::

    from qiskit_models import JobStatus
    from qiskit_models.jsonschema import model_json_schema

    schema = model_json_schema(JobStatus)   # a dict, ready for json.dumps

The command ``qiskit-models schema MODEL`` prints the same document.  This
package replaces nothing of the legacy ``qiskit.validation.jsonschema``, which
validated payloads against Qiskit's own JSON files; see the migration guide.
"""

from qiskit_models.jsonschema.exceptions import INSTALL_HINT, ExtraNotInstalledError, JSONSchemaExportError
from qiskit_models.jsonschema.exporter import (
    DRAFT_2020_12,
    ExportContext,
    FieldMapping,
    JSONSchemaExporter,
    model_json_schema,
)

__all__ = [
    "DRAFT_2020_12",
    "ExportContext",
    "ExtraNotInstalledError",
    "FieldMapping",
    "INSTALL_HINT",
    "JSONSchemaExportError",
    "JSONSchemaExporter",
    "model_json_schema",
]
