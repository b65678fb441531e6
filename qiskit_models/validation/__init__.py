"""Models validated by marshmallow schemas: the replacement of ``qiskit.validation``.

Import the same names as before::

    from qiskit_models.validation import BaseModel, BaseSchema, bind_schema, ModelValidationError
    from qiskit_models.validation import fields
    from qiskit_models.validation.validate import Or, PatternProperties
"""

from qiskit_models.validation._binding import fast_path_enabled, set_fast_path
from qiskit_models.validation.base import (
    BaseModel,
    BaseSchema,
    ModelTypeValidator,
    Obj,
    ObjSchema,
    bind_schema,
)
from qiskit_models.validation.exceptions import ModelValidationError

__all__ = [
    "BaseModel",
    "BaseSchema",
    "ModelTypeValidator",
    "ModelValidationError",
    "Obj",
    "ObjSchema",
    "bind_schema",
    "fast_path_enabled",
    "set_fast_path",
]
