"""Legacy conformance checklist, section 5.3 (``test/python/validation/test_fields.py``)."""

from __future__ import annotations

import pytest

from qiskit_models.validation import BaseModel, BaseSchema, ModelValidationError, bind_schema, fields


class DogSchema(BaseSchema):
    barking_power = fields.Integer(required=True)


class CatSchema(BaseSchema):
    fur_density = fields.Float(required=True)


class PetOwnerSchema(BaseSchema):
    auto_pets = fields.TryFrom([CatSchema, DogSchema], many=True)
    by_attribute_pets = fields.ByAttribute({"fur_density": CatSchema, "barking_power": DogSchema}, many=True)
    by_type_contact = fields.ByType([fields.Email(), fields.Url()])


class DummySchema(BaseSchema):
    pass


@bind_schema(DogSchema)
class Dog(BaseModel):
    pass


@bind_schema(CatSchema)
class Cat(BaseModel):
    pass


@bind_schema(PetOwnerSchema)
class PetOwner(BaseModel):
    pass


@bind_schema(DummySchema)
class NotAPet(BaseModel):
    pass


def test_try_from_field_instantiate():
    owner = PetOwner(auto_pets=[Cat(fur_density=1.5), Dog(barking_power=100)])
    assert [type(pet) for pet in owner.auto_pets] == [Cat, Dog]
    assert owner.auto_pets[0].fur_density == 1.5


def test_try_from_field_instantiate_from_dict():
    owner = PetOwner.from_dict({"auto_pets": [{"fur_density": 1.5}, {"barking_power": 100}]})
    assert [type(pet) for pet in owner.auto_pets] == [Cat, Dog]
    assert owner.auto_pets[0].fur_density == 1.5
    assert owner.auto_pets[1].barking_power == 100


def test_try_from_field_invalid():
    with pytest.raises(ModelValidationError) as error:
        PetOwner(auto_pets=[Cat(fur_density=1.5), NotAPet()])
    assert list(error.value.messages) == ["auto_pets"]
    assert list(error.value.messages["auto_pets"]) == [1]
    assert "auto_pets" in str(error.value)


def test_try_from_field_invalid_from_dict():
    with pytest.raises(ModelValidationError) as error:
        PetOwner.from_dict({"auto_pets": [{"fur_density": 1.5}, {"name": "John Doe"}]})
    assert error.value.messages == {"auto_pets": {1: ["Cannot find a valid schema among the choices"]}}
    assert "auto_pets[1]" in str(error.value)


def test_by_attribute_field_instantiate():
    owner = PetOwner(by_attribute_pets=[Cat(fur_density=1.5), Dog(barking_power=100)])
    assert [type(pet) for pet in owner.by_attribute_pets] == [Cat, Dog]


def test_by_attribute_field_instantiate_from_dict():
    owner = PetOwner.from_dict({"by_attribute_pets": [{"fur_density": 1.5}, {"barking_power": 100}]})
    assert [type(pet) for pet in owner.by_attribute_pets] == [Cat, Dog]


def test_by_attribute_field_invalid():
    with pytest.raises(ModelValidationError) as error:
        PetOwner(by_attribute_pets=[Cat(fur_density=1.5), NotAPet()])
    assert "by_attribute_pets" in str(error.value)


def test_by_attribute_field_invalid_from_dict():
    with pytest.raises(ModelValidationError) as error:
        PetOwner.from_dict({"by_attribute_pets": [{"fur_density": 1.5}, {"name": "John Doe"}]})
    assert error.value.messages == {"by_attribute_pets": {1: ["Cannot find a valid schema among the choices"]}}


def test_by_attribute_selected_schema_error_is_reported():
    # Legacy raised a raw KeyError here (W14).
    with pytest.raises(ModelValidationError) as error:
        PetOwner.from_dict({"by_attribute_pets": [{"fur_density": "abc"}]})
    assert error.value.messages == {"by_attribute_pets": {0: {"fur_density": ["Not a valid number."]}}}


def test_by_type_field_instantiate():
    assert PetOwner(by_type_contact="foo@bar.com").by_type_contact == "foo@bar.com"


def test_by_type_field_instantiate_from_dict():
    assert PetOwner.from_dict({"by_type_contact": "foo@bar.com"}).by_type_contact == "foo@bar.com"


def test_by_type_field_invalid():
    with pytest.raises(ModelValidationError) as error:
        PetOwner(by_type_contact=123)
    assert error.value.messages == {"by_type_contact": ["Value 123 does not fit any of the types: Email, Url."]}


def test_by_type_field_invalid_from_dict():
    with pytest.raises(ModelValidationError) as error:
        PetOwner.from_dict({"by_type_contact": 123})
    assert error.value.messages == {"by_type_contact": ["Value 123 does not fit any of the types: Email, Url."]}


def test_by_type_runs_the_choices_validators():
    # Legacy skipped the validators of the choices and accepted this (W12).
    for attempt in (lambda: PetOwner(by_type_contact="not-an-email"), lambda: PetOwner.from_dict({"by_type_contact": "not-an-email"})):
        with pytest.raises(ModelValidationError) as error:
            attempt()
        assert list(error.value.messages) == ["by_type_contact"]


def test_polymorphic_dump():
    owner = PetOwner(auto_pets=[Cat(fur_density=1.5), Dog(barking_power=100)], by_type_contact="foo@bar.com")
    assert owner.to_dict() == {
        "auto_pets": [{"fur_density": 1.5}, {"barking_power": 100}],
        "by_type_contact": "foo@bar.com",
    }


def test_polymorphic_dump_of_a_wrong_object_names_the_field():
    owner = PetOwner(auto_pets=[Cat(fur_density=1.5), NotAPet()], validate=False)
    with pytest.raises(ModelValidationError) as error:
        owner.to_dict()
    assert list(error.value.messages) == ["auto_pets"]
    assert list(error.value.messages["auto_pets"]) == [1]
