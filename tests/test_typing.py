"""Typing: bugs that the type checker found."""

from __future__ import annotations

from typing import Any

import marshmallow
import pytest

from qiskit_models.validation import BaseModel, ModelValidationError, bind_schema, set_fast_path


# -- bugs found by the type checker -------------------------------------------------


class _PlainSchema(marshmallow.Schema):
    name = marshmallow.fields.String(required=True)


@bind_schema(_PlainSchema)
class _PlainModel(BaseModel):
    pass


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "reference"])
def test_model_bound_to_a_plain_marshmallow_schema_checks_its_arguments(fast: bool) -> None:
    # The reference constructor check asked the schema for BaseSchema's
    # declared_attributes(), so a model bound to a plain marshmallow schema failed
    # with AttributeError on construction (legacy: validated).
    previous = set_fast_path(fast)
    try:
        assert _PlainModel(name="a").name == "a"
        with pytest.raises(ModelValidationError) as error:
            _PlainModel(name=5)
        assert error.value.messages == {"name": ["Not a valid string."]}
        with pytest.raises(ModelValidationError):
            _PlainModel()
    finally:
        set_fast_path(previous)


def test_json_schema_of_a_boolean_field_without_extra_values() -> None:
    # The Boolean mapping read the field's truthy/falsy extras with ``()`` as the
    # default and or-ed them, a TypeError for a Boolean subclass that does not run
    # qiskit-models' Boolean.__init__ (which sets them).
    pytest.importorskip("apispec")
    from qiskit_models.jsonschema import model_json_schema
    from qiskit_models.validation import BaseSchema, fields

    class MarshmallowInitBoolean(fields.Boolean):
        def __init__(self, **kwargs: Any) -> None:
            marshmallow.fields.Boolean.__init__(self, **kwargs)

    class FlagSchema(BaseSchema):
        flag = MarshmallowInitBoolean(required=True)

    schema = model_json_schema(FlagSchema)
    assert schema["properties"]["flag"] == {"type": "boolean"}
