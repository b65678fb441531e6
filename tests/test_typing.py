"""Typing: bugs that the type checker found."""

from __future__ import annotations

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
