"""Legacy conformance checklist, section 5.4 (``test/python/validation/test_validators.py``)."""

from __future__ import annotations

import pytest
from marshmallow.validate import Regexp

from qiskit_models.validation import BaseModel, BaseSchema, ModelValidationError, Obj, ObjSchema, bind_schema, fields
from qiskit_models.validation.validate import Or, PatternProperties


class HistogramSchema(BaseSchema):
    counts = fields.Nested(ObjSchema, validate=PatternProperties({Regexp("^0x([0-9A-Fa-f])+$"): fields.Integer()}))


@bind_schema(HistogramSchema)
class Histogram(BaseModel):
    pass


def test_patternproperties_valid():
    counts = {"0x00": 50, "0x11": 50}
    assert Histogram(counts=Obj(**counts)).counts == Obj(**counts)
    assert Histogram.from_dict({"counts": counts}).counts == Obj(**counts)


def test_patternproperties_invalid_key():
    with pytest.raises(ModelValidationError):
        Histogram(counts={"00": 50, "0x11": 50})
    with pytest.raises(ModelValidationError) as error:
        Histogram(counts=Obj(**{"00": 50, "0x11": 50}))
    assert error.value.messages == {"counts": [{"00": ["String does not match expected pattern."]}]}
    with pytest.raises(ModelValidationError) as error:
        Histogram.from_dict({"counts": {"00": 50, "0x11": 50}})
    assert error.value.messages == {"counts": [{"00": ["String does not match expected pattern."]}]}


def test_patternproperties_invalid_value():
    with pytest.raises(ModelValidationError) as error:
        Histogram(counts=Obj(**{"0x00": "so many", "0x11": 50}))
    assert error.value.messages == {"counts": [{"0x00": ["Not a valid integer."]}]}
    with pytest.raises(ModelValidationError) as error:
        Histogram.from_dict({"counts": {"0x00": "so many", "0x11": 50}})
    assert error.value.messages == {"counts": [{"0x00": ["Not a valid integer."]}]}


def test_patternproperties_to_dict():
    counts = {"0x00": 50, "0x11": 50}
    assert Histogram(counts=Obj(**counts)).to_dict() == {"counts": counts}


def test_or_accepts_when_one_validator_does():
    class ScoreSchema(BaseSchema):
        score = fields.Integer(validate=Or([lambda v: _raise_if(v >= 10), lambda v: _raise_if(v <= 20)]))

    @bind_schema(ScoreSchema)
    class Score(BaseModel):
        pass

    assert Score(score=5).score == 5
    assert Score.from_dict({"score": 25}).score == 25
    for attempt in (lambda: Score(score=15), lambda: Score.from_dict({"score": 15})):
        with pytest.raises(ModelValidationError) as error:
            attempt()
        assert error.value.messages == {"score": ["Data could not be validated against any validator"]}


def _raise_if(condition: bool) -> None:
    from marshmallow import ValidationError

    if condition:
        raise ValidationError("rejected")
