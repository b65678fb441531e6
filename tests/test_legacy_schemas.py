"""Legacy conformance checklist, section 5.2 (``test/python/validation/test_schemas.py``)."""

from __future__ import annotations

import pytest

from qiskit_models.validation import BaseModel, BaseSchema, bind_schema


def test_double_binding():
    class _DummySchema(BaseSchema):
        pass

    @bind_schema(_DummySchema)
    class _DummyModel(BaseModel):
        pass

    with pytest.raises(ValueError, match="can not be bound twice"):

        @bind_schema(_DummySchema)
        class _AnotherModel(BaseModel):
            pass


def test_base_schema_cannot_be_bound():
    with pytest.raises(ValueError, match="can not be bound twice"):

        @bind_schema(BaseSchema)
        class _Model(BaseModel):
            pass


def test_schema_reusing():
    class _DummySchema(BaseSchema):
        pass

    class _SchemaCopy(_DummySchema):
        pass

    @bind_schema(_DummySchema)
    class _DummyModel(BaseModel):
        pass

    @bind_schema(_SchemaCopy)
    class _AnotherModel(BaseModel):
        pass

    assert _SchemaCopy.model_cls is _AnotherModel
    assert _DummySchema.model_cls is _DummyModel


def test_binding_params():
    class _DummySchema(BaseSchema):
        pass

    @bind_schema(_DummySchema, many=True)
    class _DummyModel(BaseModel):
        pass

    loaded = _DummyModel.from_dict([{}, {"a": 1}])
    assert isinstance(loaded, list)
    assert [type(item) for item in loaded] == [_DummyModel, _DummyModel]
    assert loaded[1].a == 1
