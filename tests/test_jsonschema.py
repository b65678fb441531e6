"""The JSON Schema export: every field, validators, user models, custom mappings, apispec untouched."""

from __future__ import annotations

import json
import re
import sys

import jsonschema
import pytest
from hypothesis import given, strategies as st
from marshmallow import RAISE, validate, validates
from marshmallow import fields as ma_fields

from qiskit_models import JobStatus
from qiskit_models.jsonschema import (
    DRAFT_2020_12,
    ExtraNotInstalledError,
    JSONSchemaExportError,
    JSONSchemaExporter,
    model_json_schema,
)
from qiskit_models.jsonschema._patterns import DATE_PATTERN, DATETIME_PATTERN, anchored
from qiskit_models.validation import BaseModel, BaseSchema, ModelTypeValidator, ObjSchema, bind_schema, fields
from qiskit_models.validation._datetime import parse_date, parse_datetime
from qiskit_models.validation.validate import Or, PatternProperties
from schema_agreement import PROBES, disagreement, validator_for


class CatSchema(BaseSchema):
    fur = fields.Float(required=True, validate=validate.Range(min=0))


class DogSchema(BaseSchema):
    bark = fields.Integer(required=True)


@bind_schema(CatSchema)
class Cat(BaseModel):
    pass


@bind_schema(DogSchema)
class Dog(BaseModel):
    pass


class TreeSchema(BaseSchema):
    label = fields.String(required=True)
    children = fields.Nested(lambda: TreeSchema(), many=True)


@bind_schema(TreeSchema)
class Tree(BaseModel):
    pass


class EverythingSchema(BaseSchema):
    """Every qiskit-models field, with validators."""

    name = fields.String(required=True, validate=[validate.Length(min=1, max=5), validate.Regexp("[a-z]"), validate.Regexp(".*z$")])
    choice = fields.String(validate=validate.OneOf(["a", "b"]), allow_none=True)
    either = fields.String(validate=Or([validate.OneOf(["a"]), validate.Regexp("b+")]))
    exact = fields.Integer(validate=validate.Equal(3))
    not_these = fields.Integer(validate=validate.NoneOf([1, 2]))
    count = fields.Integer(validate=validate.Range(min=0, max=10, max_inclusive=False))
    strict = fields.Integer(strict=True)
    ratio = fields.Float(validate=validate.Range(min=0, min_inclusive=False))
    number = fields.Number(allow_none=True)
    flag = fields.Boolean()
    answer = fields.Boolean(truthy={"yes"}, falsy={"no"})
    when = fields.DateTime()
    day = fields.Date()
    year = fields.DateTime(format="%Y")
    mail = fields.Email()
    link = fields.Url()
    amplitude = fields.Complex()
    maybe_amplitude = fields.Complex(allow_none=True)
    parameter = fields.InstructionParameter()
    anything = fields.Raw()
    counts = fields.List(fields.Integer(validate=validate.Range(min=0)), validate=validate.Length(min=1))
    coupling = fields.List(fields.List(fields.Integer(validate=validate.OneOf([0, 1])), validate=validate.Length(min=1)))
    only_ab = fields.List(fields.String(), validate=validate.ContainsOnly(["a", "b"]))
    pairs = fields.List(fields.Float(allow_none=True), validate=validate.Length(equal=2))
    cat = fields.Nested(CatSchema)
    cats = fields.Nested(CatSchema, many=True, validate=validate.Length(min=1))
    maybe_cat = fields.Nested(CatSchema, allow_none=True)
    histogram = fields.Nested(ObjSchema, validate=PatternProperties({validate.Regexp("0x[0-9a-f]+$"): fields.Integer()}))
    weights = fields.Dict(keys=fields.String(validate=validate.Regexp("[a-z]+$")), values=fields.Float())
    overlapping = fields.Dict(
        validate=PatternProperties({validate.Regexp("a"): fields.Integer(), validate.Regexp("ab"): fields.String()})
    )
    free = fields.Dict()
    value = fields.ByType([fields.Complex(), fields.String()])
    small = fields.ByType([fields.Integer(validate=validate.Range(min=0)), fields.String(allow_none=True)])
    pets = fields.TryFrom([CatSchema, DogSchema], many=True)
    pet = fields.ByAttribute({"fur": CatSchema, "bark": DogSchema})
    tree = fields.Nested(TreeSchema)
    renamed = fields.Integer(data_key="renamed-key")
    shown = fields.String(dump_only=True)


@bind_schema(EverythingSchema)
class Everything(BaseModel):
    pass


BASE = {
    "name": "abz",
    "choice": "a",
    "either": "bbb",
    "exact": 3,
    "not_these": 5,
    "count": 9,
    "strict": 4,
    "ratio": 0.5,
    "number": 1,
    "flag": True,
    "answer": "yes",
    "when": "2021-03-04 05:06Z",
    "day": "2020-2-29",
    "year": "2020",
    "mail": "a@b.org",
    "link": "https://example.org/x",
    "amplitude": [0.5, -1],
    "maybe_amplitude": None,
    "parameter": [1, "theta", [2.5]],
    "anything": {"deep": [1, {"x": None}]},
    "counts": [0, 5],
    "coupling": [[0, 1], [1]],
    "only_ab": ["a", "b", "a"],
    "pairs": [1.5, None],
    "cat": {"fur": 1.5, "extra": [1]},
    "cats": [{"fur": 0}],
    "maybe_cat": None,
    "histogram": {"0x0": 10, "0xff": 3},
    "weights": {"abc": 0.25},
    "overlapping": {"a1": 5, "ab": "text", "abc": "last matching pattern decides"},
    "free": {"k": [1, 2]},
    "value": [1, 2],
    "small": "s",
    "pets": [{"fur": 1.0}, {"bark": 3}],
    "pet": {"bark": 2, "name": "Rex"},
    "tree": {"label": "root", "children": [{"label": "leaf", "children": []}]},
    "renamed-key": 1,
    "shown": 12,
    "unknown": {"kept": True},
}


@pytest.fixture(scope="module")
def everything():
    return validator_for(Everything)


def test_the_base_payload_is_valid_on_both_sides(everything):
    Everything.from_dict(BASE)
    assert everything.is_valid(BASE)


#: Fields whose rule is a format the schema only names (``format``) or cannot say.
FORMAT_ONLY = ("year", "mail", "link")


@pytest.mark.parametrize("key", [key for key in BASE if key not in ("unknown",) + FORMAT_ONLY])
def test_every_field_agrees_with_the_model_on_every_probe(everything, key):
    problems = []
    for probe in PROBES + [BASE[key], [BASE[key]], {"fur": -1}, {"bark": 1.5}, [[]], [{"fur": "x"}], "2021-02-29T00:00"]:
        found = disagreement(Everything, everything, {**BASE, key: probe})
        if found:
            problems.append(f"{probe!r}: {found}")
    without = {k: v for k, v in BASE.items() if k != key}
    found = disagreement(Everything, everything, without)
    if found:
        problems.append(f"without it: {found}")
    assert problems == []


@pytest.mark.parametrize(
    "key,value,accepted",
    [
        ("name", "z", True),
        ("name", "Z", False),
        ("name", "abcdez", False),
        ("choice", None, True),
        ("choice", "c", False),
        ("either", "a", True),
        ("either", "xb", False),
        ("count", 10, False),
        ("count", 9.0, True),
        ("ratio", 0, False),
        ("answer", "no", True),
        ("answer", "maybe", False),
        ("when", "2021-02-29T00:00", False),
        ("when", "2024-02-29T23:59:59.1234567+05:30", True),
        ("when", "2021-03-04", False),
        ("day", "2021-02-29", False),
        ("amplitude", [1, 2, 3], False),
        ("parameter", [[["deep"]]], True),
        ("parameter", [True], False),
        ("coupling", [[]], False),
        ("coupling", [[2]], False),
        ("histogram", {"0xZ": 1}, False),
        ("histogram", {"0x1": "many"}, False),
        ("weights", {"Abc": 1.0}, False),
        ("overlapping", {"ab": 1}, False),
        ("overlapping", {"ax": "text"}, False),
        ("overlapping", {"b": 1}, False),
        ("overlapping", {"xab": 1}, False),
        ("small", None, False),
        ("small", -1, False),
        ("pets", [{"fur": -1.0}], False),
        ("pet", {"fur": 1.0, "bark": "x"}, True),
        ("pet", {"bark": "x", "fur": 1.0}, True),
        ("pet", {"bark": "x"}, False),
        ("pet", {"neither": 1}, False),
        ("tree", {"label": "r", "children": [{"children": []}]}, False),
        ("shown", ["anything"], True),
    ],
)
def test_chosen_cases(everything, key, value, accepted):
    payload = {**BASE, key: value}
    assert disagreement(Everything, everything, payload) is None
    assert everything.is_valid(payload) is accepted


def test_the_document_shape():
    schema = model_json_schema(Everything)
    assert schema["$schema"] == DRAFT_2020_12 == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Everything"
    assert schema["description"] == "Every qiskit-models field, with validators."
    assert schema["additionalProperties"] is True
    assert set(schema["$defs"]) == {"CatSchema", "DogSchema", "TreeSchema", "ObjSchema", "InstructionParameter"}
    assert schema["$defs"]["CatSchema"]["title"] == "Cat"
    assert schema["$defs"]["TreeSchema"]["properties"]["children"] == {
        "type": "array",
        "items": {"$ref": "#/$defs/TreeSchema"},
    }
    properties = schema["properties"]
    assert properties["amplitude"] == {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}
    assert properties["when"] == {"type": "string", "pattern": DATETIME_PATTERN}
    assert properties["day"] == {"type": "string", "pattern": DATE_PATTERN}
    assert properties["anything"] == {"not": {"type": "null"}}
    assert properties["maybe_cat"] == {"anyOf": [{"$ref": "#/$defs/CatSchema"}, {"type": "null"}]}
    assert properties["choice"] == {"type": ["string", "null"], "enum": ["a", "b", None]}
    assert properties["count"] == {"type": "integer", "minimum": 0, "exclusiveMaximum": 10}
    assert properties["histogram"] == {
        "$ref": "#/$defs/ObjSchema",
        "patternProperties": {"^(?:0x[0-9a-f]+$)": {"type": "integer"}},
        "additionalProperties": False,
    }
    assert properties["mail"] == {"type": "string", "format": "email"}
    assert properties["link"] == {"type": "string", "format": "uri"}
    assert properties["shown"] == {"readOnly": True}
    assert "renamed-key" in properties and "renamed" not in properties
    assert schema["required"] == ["name"]
    json.dumps(schema)


def test_exports_are_deterministic():
    assert model_json_schema(Everything) == model_json_schema(Everything)
    assert json.dumps(model_json_schema(JobStatus)) == json.dumps(model_json_schema(JobStatus))


def test_recursion_to_the_root_uses_a_root_reference():
    schema = model_json_schema(Tree)
    assert schema["properties"]["children"] == {"type": "array", "items": {"$ref": "#"}}
    assert "$defs" not in schema
    validator = validator_for(Tree)
    assert validator.is_valid({"label": "a", "children": [{"label": "b", "children": [{"label": "c"}]}]})
    assert not validator.is_valid({"label": "a", "children": [{"label": "b", "children": [{}]}]})


class RaisingSchema(BaseSchema):
    class Meta:
        unknown = RAISE

    a = fields.Integer()


@bind_schema(RaisingSchema)
class Strict(BaseModel):
    pass


def test_unknown_keys_follow_the_schema():
    assert model_json_schema(Strict)["additionalProperties"] is False
    assert model_json_schema(JobStatus)["additionalProperties"] is True


class ListedSchema(BaseSchema):
    a = fields.Integer(required=True)


@bind_schema(ListedSchema, many=True)
class Listed(BaseModel):
    pass


def test_a_model_bound_with_many_is_an_array():
    schema = model_json_schema(Listed)
    assert schema["type"] == "array" and schema["items"] == {"$ref": "#/$defs/ListedSchema"}
    validator = validator_for(Listed)
    assert validator.is_valid([{"a": 1}, {"a": 2, "b": 3}])
    assert not validator.is_valid([{"a": "x"}])
    assert not validator.is_valid({"a": 1})


def test_an_unbound_subclass_is_named_after_itself():
    class MyJob(JobStatus):
        """A provider's job status."""

    schema = model_json_schema(MyJob)
    assert schema["title"] == "MyJob"
    assert schema["description"] == "A provider's job status."
    assert schema["properties"] == model_json_schema(JobStatus)["properties"]


def test_schemas_can_be_exported_too():
    assert model_json_schema(CatSchema)["properties"] == model_json_schema(Cat)["properties"]
    assert model_json_schema(CatSchema())["title"] == "CatSchema"


@pytest.mark.parametrize("thing", [object, 3, BaseModel, "JobStatus"])
def test_non_models_are_refused(thing):
    with pytest.raises(JSONSchemaExportError):
        model_json_schema(thing)


# -- plugins: own fields, own mappings, python hooks ----------------------------


class QubitIndex(ModelTypeValidator):
    """A plugin's own field: a non-negative integer."""

    def _deserialize(self, value, attr, data, **kwargs):
        if type(value) is not int or value < 0:
            raise self.make_error("validator_failed")
        return value


class EvenQubitIndex(QubitIndex):
    pass


def job_id_shape(value):
    if not value.startswith("job-"):
        from marshmallow import ValidationError

        raise ValidationError("Job ids start with 'job-'.")


class PluginJobSchema(BaseSchema):
    job_id = fields.String(required=True, validate=job_id_shape, description="the provider's id")
    qubit = QubitIndex(required=True)
    other = EvenQubitIndex()
    shots = fields.Integer(missing=1024)

    @validates("qubit")
    def check_qubit(self, value, **kwargs):
        pass


@bind_schema(PluginJobSchema)
class PluginJob(BaseModel):
    pass


def test_unknown_fields_accept_any_non_null_value_and_python_rules_are_named():
    schema = model_json_schema(PluginJob)
    assert schema["properties"]["qubit"] == {"not": {"type": "null"}}
    assert schema["properties"]["shots"] == {"type": "integer", "default": 1024}
    assert schema["properties"]["job_id"] == {
        "type": "string",
        "description": "the provider's id",
        "$comment": "Also checked by qiskit-models, not expressed here: job_id_shape.",
    }
    assert schema["$comment"] == "Also checked by qiskit-models, not expressed here: validates hook check_qubit."


def test_custom_mappings_apply_to_subclasses_and_stay_local():
    from apispec import APISpec
    from apispec.ext.marshmallow import MarshmallowPlugin
    from apispec.ext.marshmallow.field_converter import DEFAULT_FIELD_MAPPING

    before = dict(DEFAULT_FIELD_MAPPING)
    exporter = JSONSchemaExporter({QubitIndex: {"type": "integer", "minimum": 0}})
    schema = exporter.export(PluginJob)
    assert schema["properties"]["qubit"] == {"type": "integer", "minimum": 0}
    assert schema["properties"]["other"] == {"type": "integer", "minimum": 0}
    exporter.register(EvenQubitIndex, lambda field, context: {"type": "integer", "multipleOf": 2})
    assert exporter.export(PluginJob)["properties"]["other"] == {"type": "integer", "multipleOf": 2}
    # nothing leaked: a new export, apispec's table and a plain apispec plugin know nothing of it
    assert model_json_schema(PluginJob)["properties"]["qubit"] == {"not": {"type": "null"}}
    assert DEFAULT_FIELD_MAPPING == before
    spec = APISpec("t", "1", "3.1.0", plugins=[MarshmallowPlugin()])
    assert QubitIndex not in spec.plugins[0].converter.field_mapping
    spec.components.schema("Cat", schema=CatSchema)
    assert spec.to_dict()["components"]["schemas"]["Cat"]["properties"]["fur"] == {"type": "number", "minimum": 0}


def test_a_mapping_can_override_a_built_in_one_and_use_the_context():
    def as_object(field, context):
        return {"type": "object", "additionalProperties": context.field_schema(fields.Integer())}

    schema = JSONSchemaExporter({fields.Raw: as_object}).export(Everything)
    assert schema["properties"]["anything"] == {"type": "object", "additionalProperties": {"type": "integer"}}


def test_bad_registrations_are_refused():
    exporter = JSONSchemaExporter()
    with pytest.raises(JSONSchemaExportError):
        exporter.register(int, {})
    with pytest.raises(JSONSchemaExportError):
        exporter.register(fields.Raw, 5)


def test_without_apispec_the_error_says_how_to_install_it(monkeypatch):
    for name in list(sys.modules):
        if name == "apispec" or name.startswith("apispec.") or name == "qiskit_models.jsonschema._converter":
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "apispec", None)
    import qiskit_models.jsonschema

    monkeypatch.delattr(qiskit_models.jsonschema, "_converter", raising=False)
    with pytest.raises(ExtraNotInstalledError) as error:
        model_json_schema(JobStatus)
    assert str(error.value) == "exporting JSON Schema needs apispec: pip install 'qiskit-models[jsonschema]'"
    assert isinstance(error.value, ImportError)


def test_plain_marshmallow_fields_use_apispec_mapping():
    class PlainSchema(BaseSchema):
        a = ma_fields.Integer(required=True)
        b = ma_fields.List(ma_fields.String())

    assert model_json_schema(PlainSchema)["properties"] == {
        "a": {"type": "integer"},
        "b": {"type": "array", "items": {"type": "string"}},
    }


# -- patterns -------------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern,flags",
    [("[0-9]+.[0-9]+.[0-9]+$", 0), ("a|b", 0), ("^a|b", 0), ("^abc", 0), ("(?i)ab", 0), ("ab", re.IGNORECASE), ("a$", re.MULTILINE), ("[dum]([0-9])+", 0)],
)
def test_anchored_patterns_match_like_re_match(pattern, flags):
    regex = re.compile(pattern, flags)
    json_pattern = anchored(regex)
    for text in ["1.2.3", "12345", "1a2b3", "v1.2.3", "a", "b", "xb", "ab", "AB", "xab", "abc", "d0junk", "x0", "a\nb", "a\n", ""]:
        assert bool(re.search(json_pattern, text)) == bool(regex.match(text)), (pattern, text)


_digits = st.text("0123456789", min_size=1, max_size=3)


@st.composite
def date_texts(draw):
    year = draw(st.one_of(st.integers(0, 9999).map("{:04d}".format), _digits))
    month = draw(st.one_of(st.integers(0, 13).map(str), st.integers(0, 13).map("{:02d}".format), _digits))
    day = draw(st.one_of(st.integers(0, 32).map(str), st.integers(0, 32).map("{:02d}".format), _digits))
    return f"{year}-{month}-{day}"


@st.composite
def datetime_texts(draw):
    two = st.one_of(st.integers(0, 99).map(str), st.integers(0, 99).map("{:02d}".format), _digits)
    seconds = draw(st.one_of(st.just(""), two.map(":{}".format)))
    if seconds:
        seconds += draw(st.one_of(st.just(""), _digits.map(".{}".format), st.just(".")))
    zone = draw(
        st.one_of(
            st.sampled_from(["", "Z", "z", "+1"]),
            st.tuples(st.sampled_from("+-"), st.integers(0, 25), st.sampled_from(["", ":", "x"]), st.integers(0, 99)).map(
                lambda t: f"{t[0]}{t[1]:02d}{t[2] if t[2] != 'x' else ''}{t[3]:02d}" if t[2] != "x" else f"{t[0]}{t[1]:02d}"
            ),
        )
    )
    return draw(date_texts()) + draw(st.sampled_from("T t")) + draw(two) + ":" + draw(two) + seconds + zone + draw(
        st.sampled_from(["", "", "\n", "x"])
    )


@given(date_texts())
def test_the_date_pattern_is_the_date_grammar(text):
    assert (re.search(DATE_PATTERN, text) is not None) == (parse_date(text) is not None)


@given(datetime_texts())
def test_the_datetime_pattern_is_the_datetime_grammar(text):
    assert (re.search(DATETIME_PATTERN, text) is not None) == (parse_datetime(text) is not None)


def test_every_exported_schema_is_valid_draft_2020_12():
    for model in (Everything, Tree, Strict, Listed, PluginJob, JobStatus):
        jsonschema.Draft202012Validator.check_schema(model_json_schema(model))
