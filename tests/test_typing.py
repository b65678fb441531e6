"""Typing: what a type checker sees of the package from plugin code, and the bugs it found.

The mypy test type-checks a snippet of plugin-style code (one mypy run) and
compares every ``reveal_type`` and every error with the marks in the snippet:
``# reveal: TYPE`` (written without ``builtins.``, which mypy versions print
differently) and ``# error: CODE``.  mypy is in the ``test`` extra, so the
test runs wherever the suite does; it is skipped only if mypy is missing.
"""

from __future__ import annotations

import inspect
import re
import sys
import textwrap
from pathlib import Path
from typing import Any, Dict, List, Set, Tuple

import marshmallow
import pytest

from qiskit_models.providers import models
from qiskit_models.validation import BaseModel, ModelValidationError, bind_schema, set_fast_path
from qiskit_models.validation._binding import reserved_names

ROOT = Path(__file__).resolve().parents[1]

SNIPPET = '''
from typing import Any, Dict, List, Optional

from marshmallow.validate import OneOf

from qiskit_models import BackendConfiguration, BaseModel, BaseSchema, JobStatus, PulseDefaults, bind_schema
from qiskit_models.providers.models import JobStatusSchema
from qiskit_models.json_types import JSONDict, JSONValue
from qiskit_models.validation import fields
from qiskit_models import NoSuchModel  # error: attr-defined


class ShotsSchema(BaseSchema):
    shots = fields.Integer(required=True)


@bind_schema(ShotsSchema)
class Shots(BaseModel):
    shots: int


class TranspilingJobStatusSchema(JobStatusSchema):
    status = fields.String(required=True, validate=OneOf(["DONE", "TRANSPILING"]))


@bind_schema(TranspilingJobStatusSchema)
class TranspilingJobStatus(JobStatus):
    pass


job = JobStatus.from_dict({"job_id": "j-1", "status": "DONE", "status_msg": "ok"})
reveal_type(job)  # reveal: qiskit_models.providers.models.jobstatus.JobStatus
reveal_type(job.status)  # reveal: str
reveal_type(TranspilingJobStatus.from_dict({}))  # reveal: snippet.TranspilingJobStatus
reveal_type(Shots.from_dict({"shots": 3}).shots)  # reveal: int
reveal_type(Shots(shots=3))  # reveal: snippet.Shots

payload: JSONDict = job.to_dict()
loose: Dict[str, Any] = Shots(shots=3).to_dict()
value: JSONValue = payload["job_id"]
text: str = job.to_dict()  # error: assignment
job.no_such_attribute  # error: attr-defined
JobStatus.from_dict({}).to_dict()["status"].upper()  # error: union-attr

configuration = BackendConfiguration.from_dict({})
reveal_type(configuration.coupling_map)  # reveal: list[list[int]] | None
reveal_type(configuration.num_qubits)  # reveal: int
reveal_type(PulseDefaults.from_dict({}).qubit_freq_est)  # reveal: list[float]
'''


def _marks(source: str) -> Tuple[Dict[int, str], Dict[int, str]]:
    reveals: Dict[int, str] = {}
    errors: Dict[int, str] = {}
    for number, line in enumerate(source.splitlines(), 1):
        reveal = re.search(r"# reveal: (.+)$", line)
        if reveal:
            reveals[number] = reveal.group(1).strip()
        error = re.search(r"# error: ([\w-]+)$", line)
        if error:
            errors[number] = error.group(1)
    return reveals, errors


def test_plugin_code_type_checks_as_documented(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    api = pytest.importorskip("mypy.api")
    source = textwrap.dedent(SNIPPET)
    snippet = tmp_path / "snippet.py"
    snippet.write_text(source, encoding="utf-8")
    # From the repository root, mypy finds the package's source even when it is
    # installed in editable mode (an import hook that mypy cannot follow).
    monkeypatch.chdir(ROOT)
    stdout, stderr, status = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "setup.cfg"),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--no-error-summary",
            "--show-error-codes",
            "--hide-error-context",
            str(snippet),
        ]
    )
    assert not stderr, stderr
    reveals, errors = _marks(source)
    found_reveals: Dict[int, str] = {}
    found_errors: Dict[int, Set[str]] = {}
    for line in stdout.splitlines():
        match = re.match(r".*snippet\.py:(\d+): (\w+): (.*?)(?:  \[([\w-]+)\])?$", line)
        assert match, f"unexpected mypy output: {line}"
        number, kind, message, code = int(match.group(1)), match.group(2), match.group(3), match.group(4)
        if kind == "note" and message.startswith("Revealed type is "):
            found_reveals[number] = message[len("Revealed type is ") :].strip('"').replace("builtins.", "")
        elif kind == "error":
            found_errors.setdefault(number, set()).add(code)
    assert found_reveals == reveals, stdout
    assert found_errors == {number: {code} for number, code in errors.items()}, stdout
    assert status == 1  # the marked errors


def test_installed_package_is_marked_typed() -> None:
    # tox runs the suite against the installed sdist: py.typed must be in it.
    import qiskit_models

    assert (Path(qiskit_models.__file__).parent / "py.typed").is_file()


def test_no_module_of_the_package_shadows_the_standard_library() -> None:
    # Running one of the scripts (python qiskit_models/cli.py) puts their folder
    # first on sys.path: a qiskit_models/typing.py would then be "typing".
    folder = ROOT / "qiskit_models"
    names = {path.stem for path in folder.glob("*.py")} | {path.name for path in folder.iterdir() if path.is_dir()}
    assert not (names - {"__init__", "__main__", "__pycache__"}) & set(sys.stdlib_module_names)


def _provider_models() -> List[type]:
    return [
        value
        for value in (getattr(models, name) for name in models.__all__)
        if isinstance(value, type) and issubclass(value, BaseModel)
    ]


@pytest.mark.parametrize("model", _provider_models(), ids=lambda model: model.__name__)
def test_attribute_annotations_reserve_no_payload_key(model: type) -> None:
    # The class-level annotations of the models are annotations only: a class
    # attribute of a field's name would send that payload key to the extras store.
    declared = {field.attribute or name for name, field in model.schema.fields.items()}
    annotated = {
        name
        for klass in model.__mro__
        if issubclass(klass, BaseModel) and klass is not BaseModel
        for name in inspect.get_annotations(klass)
    }
    assert declared <= annotated, "the model declares the attributes of its fields"
    assert not (declared | annotated) & reserved_names(model)


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
