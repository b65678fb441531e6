"""Legacy conformance checklist, section 5.5 (``test/python/validation/test_custom_fields.py``).

Qiskit's ``ParameterExpression`` is represented by a small stand-in with the same
duck type (a ``parameters`` set and a ``float()`` value).
"""

from __future__ import annotations

import numpy
import pytest

from qiskit_models.validation import BaseModel, BaseSchema, ModelValidationError, bind_schema, fields


class DogSchema(BaseSchema):
    barking = fields.InstructionParameter(required=True)


@bind_schema(DogSchema)
class Dog(BaseModel):
    pass


class FakeExpression:
    """The duck type of ``qiskit.circuit.ParameterExpression``."""

    def __init__(self, value: float, unbound: set) -> None:
        self.value = value
        self.parameters = unbound

    def __float__(self) -> float:
        if self.parameters:
            raise TypeError("unbound parameters")
        return self.value

    def __repr__(self) -> str:
        return f"FakeExpression({self.value}, {sorted(self.parameters)})"


def test_parameter_field_float():
    plain = Dog(barking=0.1)
    numpy_value = Dog(barking=numpy.float64(0.1))
    assert isinstance(numpy_value.barking, numpy.float64)
    assert plain.to_dict() == numpy_value.to_dict() == {"barking": 0.1}


def test_parameter_field_complex():
    plain = Dog(barking=0.1 + 0.2j)
    numpy_value = Dog(barking=numpy.complex128(0.1 + 0.2j))
    assert plain.to_dict() == numpy_value.to_dict()
    assert plain.to_dict()["barking"] == [0.1, 0.2]


def test_parameter_field_int():
    plain = Dog(barking=1)
    numpy_value = Dog(barking=numpy.int64(1))
    assert isinstance(numpy_value.barking, numpy.int64)
    assert plain.to_dict() == numpy_value.to_dict() == {"barking": 1}
    assert type(numpy_value.to_dict()["barking"]) is int


def test_parameter_field_str():
    assert Dog(barking="woof").to_dict() == {"barking": "woof"}


def test_parameter_field_container():
    expected = {"barking": [0.1, 2.3]}
    assert Dog(barking=[0.1, 2.3]).to_dict() == expected
    assert Dog(barking=numpy.array([0.1, 2.3])).to_dict() == expected
    assert Dog(barking=complex(0.1, 2.3)).to_dict() == expected


def test_parameter_field_container_nested():
    assert Dog(barking=[[1, 2]]).to_dict() == Dog(barking=numpy.array([[1, 2]])).to_dict() == {"barking": [[1, 2]]}


def test_parameter_field_from_dict():
    assert Dog.from_dict({"barking": [0.1, 2]}).barking == [0.1, 2]


@pytest.mark.parametrize("value", [{}, [{}]])
def test_parameter_field_invalid(value):
    with pytest.raises(ModelValidationError) as error:
        Dog(barking=value)
    assert "barking" in str(error.value)


@pytest.mark.parametrize("value", [{}, [{}], FakeExpression(1.0, {"woof"}), True])
def test_parameter_field_from_dict_invalid(value):
    with pytest.raises(ModelValidationError) as error:
        Dog.from_dict({"barking": value})
    assert list(error.value.messages) == ["barking"]


def test_parameter_expression_fully_bound():
    assert Dog(barking=FakeExpression(2.0, set())).to_dict() == Dog(barking=2.0).to_dict() == {"barking": 2.0}


def test_parameter_expression_partially_bound():
    dog = Dog(barking=FakeExpression(2.0, {"y"}))
    with pytest.raises(ModelValidationError) as error:
        dog.to_dict()
    assert list(error.value.messages) == ["barking"]
