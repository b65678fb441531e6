"""A schema zoo: every field type and option, for the fast-path differential tests."""

from __future__ import annotations

from marshmallow import ValidationError
from marshmallow.validate import Equal, Length, Range, Regexp

from qiskit_models.validation import BaseModel, BaseSchema, bind_schema, fields
from qiskit_models.validation.validate import OneOf


def not_bad(value):
    """A validator the compiler cannot inline."""
    if value == "bad":
        raise ValidationError("bad is bad")


class LeafSchema(BaseSchema):
    name = fields.String(required=True, validate=Length(min=1))
    count = fields.Integer(validate=Range(min=0, max=100))
    ratio = fields.Float(allow_nan=True)
    value = fields.Number(validate=Range(min=-1, max=1, min_inclusive=False))
    flag = fields.Boolean()
    when = fields.DateTime()
    day = fields.Date()
    z = fields.Complex()
    raw = fields.Raw()
    tags = fields.List(fields.String(validate=OneOf(["a", "b", "c"])))
    matrix = fields.List(fields.List(fields.Integer()), validate=Length(max=3))
    mail = fields.Email(allow_none=True)
    site = fields.Url()
    mapping = fields.Dict()
    typed_map = fields.Dict(keys=fields.String(), values=fields.Integer())
    either = fields.ByType([fields.Integer(), fields.String()])
    param = fields.InstructionParameter()
    code = fields.String(validate=Regexp("[a-z]+$"))
    three = fields.Integer(validate=Equal(3))
    custom = fields.String(validate=not_bad)
    defaulted = fields.Integer(load_default=7, dump_default=8)
    keyed = fields.String(data_key="keyed-key")
    samples = fields.List(fields.Complex())
    stamps = fields.List(fields.DateTime())


class OtherLeafSchema(BaseSchema):
    kind = fields.String(required=True, validate=OneOf(["other"]))


class TreeSchema(BaseSchema):
    title = fields.String(required=True)
    leaf = fields.Nested(LeafSchema)
    leaves = fields.Nested(LeafSchema, many=True, validate=Length(min=1))
    grid = fields.List(fields.Nested(LeafSchema, many=True))
    any_leaf = fields.TryFrom([OtherLeafSchema, LeafSchema], many=True)
    by_key = fields.ByAttribute({"kind": OtherLeafSchema, "name": LeafSchema})


@bind_schema(LeafSchema)
class Leaf(BaseModel):
    pass


@bind_schema(OtherLeafSchema)
class OtherLeaf(BaseModel):
    pass


@bind_schema(TreeSchema)
class Tree(BaseModel):
    pass


FIELD_NAMES = {
    Leaf: [name for name in LeafSchema().fields],
    Tree: [name for name in TreeSchema().fields],
}
