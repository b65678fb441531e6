"""Legacy conformance checklist, section 5.1 (``test/python/validation/test_models.py``)."""

from __future__ import annotations

import datetime

import pytest

from qiskit_models.validation import BaseModel, BaseSchema, ModelValidationError, bind_schema, fields


class PersonSchema(BaseSchema):
    name = fields.String(required=True)
    birth_date = fields.Date()
    email = fields.Email()


class BookSchema(BaseSchema):
    title = fields.String(required=True)
    date = fields.Date()
    author = fields.Nested(PersonSchema, required=True)


class DummySchema(BaseSchema):
    pass


@bind_schema(PersonSchema)
class Person(BaseModel):
    pass


@bind_schema(BookSchema)
class Book(BaseModel):
    pass


@bind_schema(DummySchema)
class NotAPerson(BaseModel):
    pass


def test_instantiate():
    person = Person(name="Foo")
    assert person.name == "Foo"
    loaded = Person.from_dict({"name": "Foo"})
    assert loaded.name == "Foo"
    assert loaded == person


def test_instantiate_required():
    with pytest.raises(ModelValidationError) as construct:
        Person()
    assert construct.value.messages == {"name": ["Missing data for required field."]}
    with pytest.raises(ModelValidationError) as load:
        Person.from_dict({})
    assert load.value.messages == {"name": ["Missing data for required field."]}


def test_instantiate_wrong_type():
    with pytest.raises(ModelValidationError) as construct:
        Person(name=1)
    assert construct.value.messages == {"name": ["Not a valid string."]}
    with pytest.raises(ModelValidationError) as load:
        Person.from_dict({"name": 1})
    assert load.value.messages == {"name": ["Not a valid string."]}


def test_instantiate_deserialized_types():
    birth = datetime.date(2000, 1, 2)
    person = Person(name="Foo", birth_date=birth)
    assert person.birth_date is birth
    with pytest.raises(ModelValidationError) as construct:
        Person(name="Foo", birth_date="2000-01-02")
    assert list(construct.value.messages) == ["birth_date"]
    loaded = Person.from_dict({"name": "Foo", "birth_date": "2000-01-02"})
    assert loaded.birth_date == birth
    assert isinstance(loaded.birth_date, datetime.date)
    with pytest.raises(ModelValidationError) as load:
        Person.from_dict({"name": "Foo", "birth_date": birth})
    assert load.value.messages == {"birth_date": ["Not a valid date."]}
    assert loaded == person


def test_instantiate_additional():
    person = Person(name="Foo", other="bar")
    assert person.other == "bar"
    loaded = Person.from_dict({"name": "Foo", "other": "bar"})
    assert loaded.other == "bar"
    assert loaded == person


def test_instantiate_nested():
    book = Book(title="A Book", author=Person(name="Foo", other="bar"))
    assert book.author.name == "Foo"
    assert book.author.other == "bar"
    with pytest.raises(AttributeError):
        book.date  # noqa: B018
    loaded = Book.from_dict({"title": "A Book", "author": {"name": "Foo", "other": "bar"}})
    assert type(loaded.author) is Person
    assert loaded == book


def test_instantiate_nested_wrong_type():
    with pytest.raises(ModelValidationError) as construct:
        Book(title="A Book", author=NotAPerson())
    assert list(construct.value.messages) == ["author"]
    assert "is not the expected type" in construct.value.messages["author"][0]
    with pytest.raises(ModelValidationError) as load:
        Book.from_dict({"title": "A Book", "author": {"fur_density": "1.2"}})
    assert load.value.messages == {"author": {"name": ["Missing data for required field."]}}


def test_serialize():
    assert Person(name="Foo", other="bar").to_dict() == {"name": "Foo", "other": "bar"}


def test_serialize_nested():
    book = Book(title="A Book", author=Person(name="Foo", other="bar"))
    assert book.to_dict() == {"title": "A Book", "author": {"name": "Foo", "other": "bar"}}


def test_instantiate_no_validation():
    person = Person(name="Foo", birth_date="INVALID", validate=False)
    assert person.name == "Foo"
    assert person.birth_date == "INVALID"
    assert "validate" not in person
