"""How every model behaves: payload keys, to_dict, equality, copies, no double validation."""

from __future__ import annotations

import copy
import datetime
import json
import pickle

import numpy
import pytest
from marshmallow import ValidationError

from qiskit_models.validation import BaseModel, BaseSchema, ModelValidationError, Obj, bind_schema, fields

CALLS = {"name": 0}


def counting_validator(value):
    CALLS["name"] += 1
    if value == "forbidden":
        raise ValidationError("forbidden name")


class PersonSchema(BaseSchema):
    name = fields.String(required=True, validate=counting_validator)
    age = fields.Integer()
    born = fields.DateTime()


class FamilySchema(BaseSchema):
    members = fields.Nested(PersonSchema, many=True, required=True)
    head = fields.Nested(PersonSchema)


@bind_schema(PersonSchema)
class Person(BaseModel):
    pass


@bind_schema(FamilySchema)
class Family(BaseModel):
    pass


INIT_CALLS = []


class AuditedSchema(BaseSchema):
    name = fields.String(required=True)


@bind_schema(AuditedSchema)
class Audited(BaseModel):
    def __init__(self, name, **kwargs):
        INIT_CALLS.append(name)
        self.name = name
        self._derived = name.upper()
        super().__init__(**kwargs)


def test_every_payload_key_survives_the_round_trip():
    payload = {
        "name": "Ada",
        "_data": {"calibration": 1},
        "a-b": 1,
        "1x": 2,
        "a b": 3,
        "to_dict": 4,
        "schema": 5,
        "__class__": 6,
        "__init__": 7,
        "validate": 8,
        "_qm_extras": 9,
        "from_dict": {"nested": [1, 2]},
    }
    person = Person.from_dict(payload)
    assert person.to_dict() == payload
    assert type(person) is Person
    assert callable(person.to_dict) and person.schema is Person.schema
    for key, value in payload.items():
        assert person[key] == value
        assert key in person
    assert person.validate == 8
    assert Person.from_dict(person.to_dict()) == person
    assert pickle.loads(pickle.dumps(person)) == person


def test_non_string_payload_key_is_rejected():
    with pytest.raises(ModelValidationError) as error:
        Person.from_dict({"name": "Ada", 1: "x"})
    assert error.value.messages == {"_schema": ["Payload keys must be strings; got 1 (int)."]}


def test_attributes_set_later_starting_with_underscore_are_private():
    person = Person(name="Ada")
    person._cache = {"big": "thing"}
    person.nickname = "A"
    assert person.to_dict() == {"name": "Ada", "nickname": "A"}
    assert person == Person(name="Ada", nickname="A")
    assert "_cache" not in person
    assert "_cache" not in repr(person)


def test_to_dict_returns_json_types_in_new_containers():
    inner = Obj(level=2, values=(1, 2))
    person = Person(
        name="Ada",
        tags=["x"],
        extra=inner,
        counts=numpy.int64(3),
        ratio=numpy.float32(0.5),
        matrix=numpy.array([[1, 2], [3, 4]]),
        flag=numpy.bool_(True),
        when=datetime.datetime(2021, 6, 1, 8, 30, tzinfo=datetime.timezone.utc),
        z=1 + 2j,
    )
    dumped = person.to_dict()
    assert dumped == {
        "name": "Ada",
        "tags": ["x"],
        "extra": {"level": 2, "values": [1, 2]},
        "counts": 3,
        "ratio": 0.5,
        "matrix": [[1, 2], [3, 4]],
        "flag": True,
        "when": "2021-06-01T08:30:00+00:00",
        "z": [1.0, 2.0],
    }
    assert type(dumped["counts"]) is int and type(dumped["flag"]) is bool and type(dumped["ratio"]) is float
    assert dumped["tags"] is not person.tags
    json.dumps(dumped)


def test_unwritable_value_gives_an_error_naming_the_field():
    person = Person(name="Ada", handle=object())
    with pytest.raises(ModelValidationError) as error:
        person.to_dict()
    assert error.value.messages == {"handle": ["Value of type object cannot be written as JSON."]}
    person = Person(name="Ada")
    person.age = 2.5
    with pytest.raises(ModelValidationError) as error:
        person.to_dict()
    assert error.value.messages == {"age": ["Cannot write 2.5 (float) as an integer."]}
    deep = Family(members=[Person(name="Ada")])
    deep.members[0].name = 5
    with pytest.raises(ModelValidationError) as error:
        deep.to_dict()
    assert error.value.messages == {"members": {0: {"name": ["Cannot write 5 (int) as a string."]}}}
    assert "members[0].name" in str(error.value)


def test_to_dict_does_not_validate_again():
    person = Person(name="Ada")
    person.name = "forbidden"
    assert person.to_dict() == {"name": "forbidden"}


def test_from_dict_never_changes_its_input():
    payload = {"members": [{"name": "Ada", "born": "2021-06-01T08:30:00Z", "x": {"y": [1]}}], "head": {"name": "B"}}
    snapshot = copy.deepcopy(payload)
    family = Family.from_dict(payload)
    assert payload == snapshot
    family.members[0].x["y"].append(2)
    assert payload["members"][0]["x"]["y"] == [1]  # lists and dicts of pass-through values are copied
    payload["members"][0]["x"]["y"].append(9)
    assert family.members[0].x["y"] == [1, 2]
    dumped = family.to_dict()
    dumped["members"][0]["x"]["y"].append(3)
    assert family.members[0].x["y"] == [1, 2]
    live = object()
    assert Person.from_dict({"name": "Ada", "x": [live]}).x[0] is live  # other objects keep their identity


def test_nested_models_are_not_validated_again():
    CALLS["name"] = 0
    ada = Person(name="Ada")
    assert CALLS["name"] == 1
    Family(members=[ada], head=ada)
    assert CALLS["name"] == 1
    Family.from_dict({"members": [{"name": "Ada"}, {"name": "Bob"}], "head": {"name": "C"}})
    assert CALLS["name"] == 4  # each loaded name once


def test_child_models_of_the_wrong_class_are_rejected():
    with pytest.raises(ModelValidationError) as error:
        Family(members=[Person(name="Ada"), Obj(name="Bob")])
    assert list(error.value.messages) == ["members"]
    assert list(error.value.messages["members"]) == [1]


def test_errors_are_keyed_by_integer_index_on_both_paths():
    with pytest.raises(ModelValidationError) as load:
        Family.from_dict({"members": [{"name": "Ada"}, {"name": 3}]})
    assert load.value.messages == {"members": {1: {"name": ["Not a valid string."]}}}

    class TagsSchema(BaseSchema):
        tags = fields.List(fields.String(validate=counting_validator))

    @bind_schema(TagsSchema)
    class Tags(BaseModel):
        pass

    for attempt in (lambda: Tags(tags=["a", 1, "forbidden"]), lambda: Tags.from_dict({"tags": ["a", 1, "forbidden"]})):
        with pytest.raises(ModelValidationError) as error:
            attempt()
        assert error.value.messages == {"tags": {1: ["Not a valid string."], 2: ["forbidden name"]}}
        assert str(error.value) == "2 validation errors:\n  tags[1]: Not a valid string.\n  tags[2]: forbidden name"


def test_equality_and_hash():
    assert Person(name="Ada") == Person.from_dict({"name": "Ada"})
    assert Person(name="Ada") != Obj(name="Ada")
    assert Person(name="Ada") != Person(name="Bob")
    with pytest.raises(TypeError):
        hash(Person(name="Ada"))


def test_repr():
    person = Person.from_dict({"name": "Ada", "a-b": 1})
    assert repr(person) == "Person(name='Ada', **{'a-b': 1})"


def test_accessor_sets_and_deletes():
    person = Person(name="Ada")
    person["a-b"] = 1
    person["level"] = 2
    assert person.level == 2 and person["a-b"] == 1
    del person["a-b"]
    assert person.to_dict() == {"name": "Ada", "level": 2}
    with pytest.raises(KeyError):
        person["missing"]  # noqa: B018


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_keeps_state_without_running_init(protocol):
    INIT_CALLS.clear()
    audited = Audited.from_dict({"name": "ada", "_data": [1], "x": 1})
    assert INIT_CALLS == ["ada"]
    clone = pickle.loads(pickle.dumps(audited, protocol=protocol))
    assert INIT_CALLS == ["ada"]
    assert clone == audited and clone._derived == "ADA" and clone["_data"] == [1]
    assert type(clone) is Audited


def test_copies_keep_state_without_running_init_or_validation():
    INIT_CALLS.clear()
    CALLS["name"] = 0
    unchecked = Person(name=5, validate=False)
    unchecked.extra = [1]
    for clone in (copy.copy(unchecked), copy.deepcopy(unchecked), pickle.loads(pickle.dumps(unchecked))):
        assert clone == unchecked and clone.name == 5
    assert CALLS["name"] == 0
    shallow = copy.copy(Person.from_dict({"name": "Ada", "_data": 1}))
    shallow["_data"] = 2
    deep = copy.deepcopy(Family.from_dict({"members": [{"name": "Ada"}]}))
    assert deep.members[0].name == "Ada"
    assert CALLS["name"] == 2  # the two from_dict loads, nothing else


def test_model_with_custom_init_runs_it_once_on_load():
    INIT_CALLS.clear()
    audited = Audited.from_dict({"name": "ada", "validate": True})
    assert INIT_CALLS == ["ada"]
    assert audited.validate is True
    assert audited.to_dict() == {"name": "ada", "validate": True}


def test_model_whose_init_needs_an_argument_the_schema_makes_optional():
    class LooseSchema(BaseSchema):
        name = fields.String()

    @bind_schema(LooseSchema)
    class Strict(BaseModel):
        def __init__(self, name, **kwargs):
            self.name = name
            super().__init__(**kwargs)

    with pytest.raises(ModelValidationError) as error:
        Strict.from_dict({})
    assert error.value.messages == {"name": ["Missing data for required field."]}


def test_unbound_base_model_says_how_to_bind():
    with pytest.raises(TypeError, match="bind_schema"):
        BaseModel(a=1).to_dict()


@pytest.mark.parametrize("value", [5, "Ada", [1], ("x",), 2.5, True])
def test_a_nested_value_that_is_not_a_model_is_an_error_not_an_empty_object(value, both_paths):
    """``to_dict`` of a nested field holding an int, a string or a list used to write ``{}``."""
    family = Family(members=[Person(name="Ada")])
    family.members[0] = value
    with pytest.raises(ModelValidationError) as error:
        family.to_dict()
    assert list(error.value.messages) == ["members"] and list(error.value.messages["members"]) == [0]
    assert "as a model" in str(error.value)
    family = Family(members=[Person(name="Ada")])
    family.head = value
    with pytest.raises(ModelValidationError) as error:
        family.to_dict()
    assert list(error.value.messages) == ["head"]
    family.head = {"name": "Bob", "x": 1}  # a mapping is written through the nested schema
    assert family.to_dict()["head"] == {"name": "Bob", "x": 1}


@pytest.mark.parametrize("model", [Person, Audited])
def test_payload_keys_named_like_the_parameters_of_init_are_data(model, both_paths):
    """``self`` (and ``validate``) reached a model's own ``__init__`` as keyword arguments: a raw TypeError."""
    payload = {"name": "ada", "self": 1, "validate": 2, "cls": 3, "kwargs": 4, "args": 5}
    loaded = model.from_dict(payload)
    assert loaded.to_dict() == payload
    assert (loaded.self, loaded.validate, loaded.cls) == (1, 2, 3)
    assert loaded.name == "ada"
    constructed = model(name="ada", self=1, cls=3, kwargs=4, args=5)
    assert constructed.to_dict() == {"name": "ada", "self": 1, "cls": 3, "kwargs": 4, "args": 5}
    assert pickle.loads(pickle.dumps(loaded)) == loaded



def test_str_and_int_enum_members_are_written_as_their_values():
    """str() of a str-based enum member is its name: to_dict must write the member's text."""
    import enum

    from qiskit_models import JobStatus

    class State(str, enum.Enum):
        DONE = "DONE"

    class Level(enum.IntEnum):
        HIGH = 3

    payload = {"job_id": "j", "status": State.DONE, "status_msg": "m", "extra": [State.DONE, {State.DONE: Level.HIGH}]}
    expected = {"job_id": "j", "status": "DONE", "status_msg": "m", "extra": ["DONE", {"DONE": 3}]}
    loaded = JobStatus.from_dict(payload)
    assert type(loaded.status) is str and loaded.status == "DONE"
    dumped = loaded.to_dict()
    assert dumped == expected
    assert [type(value) for value in (dumped["status"], dumped["extra"][0], *dumped["extra"][1], *dumped["extra"][1].values())] == [str, str, str, int]
    constructed = JobStatus(job_id="j", status=State.DONE, status_msg="m", extra=[State.DONE])
    assert constructed.status is State.DONE  # construction checks without converting
    assert constructed.to_dict() == {"job_id": "j", "status": "DONE", "status_msg": "m", "extra": ["DONE"]}
    assert JobStatus.from_dict(constructed.to_dict()) == constructed


def test_an_ordered_dict_payload_shares_nothing_with_the_model():
    import json
    from collections import OrderedDict

    from qiskit_models import JobStatus

    text = '{"job_id": "j", "status": "DONE", "status_msg": "", "extra": {"a": [1]}}'
    payload = json.loads(text, object_pairs_hook=OrderedDict)
    job = JobStatus.from_dict(payload)
    payload["extra"]["a"].append("changed")
    assert job.extra == {"a": [1]} and type(job.extra) is dict
    assert job.to_dict() == json.loads(text)


def test_a_schema_with_a_pre_load_hook_rejects_a_deep_value_cleanly():
    from marshmallow import pre_load

    from qiskit_models import ModelValidationError
    from qiskit_models.validation import BaseModel, BaseSchema, bind_schema, fields

    class RenamingSchema(BaseSchema):
        name = fields.String(required=True)

        @pre_load
        def rename(self, data, **kwargs):
            data["name"] = data.pop("title", data.get("name"))
            return data

    @bind_schema(RenamingSchema)
    class Renamed(BaseModel):
        pass

    deep: list = []
    inner = deep
    for _ in range(100_000):
        inner.append([])
        inner = inner[0]
    with pytest.raises(ModelValidationError) as error:
        Renamed.from_dict({"title": "x", "deep": deep})
    assert error.value.messages == {"deep": ["Value is nested more than 100 levels deep."]}
