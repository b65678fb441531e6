"""``qiskit-models schema``, plugin models named by import path, and ``check``'s progress and formats."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap

import pytest

from qiskit_models import BackendStatus, JobStatus
from qiskit_models.cli import main, resolve_model
from qiskit_models.jsonschema import model_json_schema


class FakeTerminal(io.StringIO):
    """Standard error as a terminal."""

    def isatty(self) -> bool:
        return True


def run(*argv: str, err=None):
    out, err = io.StringIO(), err if err is not None else io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


JOB = {"job_id": "j", "status": "DONE", "status_msg": "m"}


def write_payloads(folder, good: int, bad: int):
    folder.mkdir(exist_ok=True)
    for number in range(good):
        (folder / f"good_{number}.json").write_text(json.dumps({**JOB, "job_id": f"j{number}"}))
    for number in range(bad):
        (folder / f"zbad_{number}.json").write_text(json.dumps({**JOB, "status": "LOST"}))


# -- schema -----------------------------------------------------------------------


@pytest.mark.parametrize("name,model", [("JobStatus", JobStatus), ("job_status", JobStatus), ("backendstatus", BackendStatus)])
def test_schema_prints_the_model_json_schema(name, model):
    status, out, err = run("schema", name)
    assert (status, err) == (0, "")
    assert json.loads(out) == model_json_schema(model)
    assert out.startswith('{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "title": ')


def test_schema_on_one_line():
    status, out, _ = run("schema", "--indent", "0", "JobStatus")
    assert status == 0 and out.count("\n") == 1 and json.loads(out)["title"] == "JobStatus"


def test_schema_of_an_unknown_model_is_a_usage_error():
    status, out, err = run("schema", "Nope")
    assert (status, out) == (2, "")
    assert err == (
        "qiskit-models: unknown model 'Nope'; known: BackendProperties, BackendStatus, JobStatus, "
        "PulseBackendConfiguration, PulseDefaults, QasmBackendConfiguration, backend_configuration, "
        "backend_properties, backend_status, job_status, pulse_backend_configuration, pulse_defaults "
        "(or package.module:ClassName)\n"
    )


def test_schema_without_the_extra_says_how_to_install_it_in_one_line():
    code = "import sys; sys.modules['apispec'] = None; from qiskit_models.cli import main; sys.exit(main(['schema', 'JobStatus']))"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr == (
        "qiskit-models: exporting JSON Schema needs apispec: pip install 'qiskit-models[jsonschema]'\n"
    )


PLUGIN = textwrap.dedent(
    '''\
    from qiskit_models.validation import BaseModel, BaseSchema, bind_schema, fields


    class ShotsSchema(BaseSchema):
        job_id = fields.String(required=True)
        shots = fields.Integer(required=True)


    @bind_schema(ShotsSchema)
    class Shots(BaseModel):
        """A plugin's own payload."""


    NOT_A_MODEL = 3


    class Unbound(BaseModel):
        """A model class nobody bound."""
    '''
)


@pytest.fixture
def plugin_module(tmp_path, monkeypatch):
    (tmp_path / "qm_test_plugin.py").write_text(PLUGIN)
    (tmp_path / "qm_broken_plugin.py").write_text("raise RuntimeError('the plugin needs a token')\n")
    (tmp_path / "qm_syntax_plugin.py").write_text("def (:\n")
    (tmp_path / "qm_exiting_plugin.py").write_text("import sys\nsys.exit(3)\n")
    (tmp_path / "qm_lines_plugin.py").write_text("raise RuntimeError('first\\nsecond')\n")
    (tmp_path / "qm_base_plugin.py").write_text("raise BaseException('base')\n")
    (tmp_path / "qm_str_plugin.py").write_text(
        "class Unprintable(Exception):\n    def __str__(self):\n        raise ValueError('no')\nraise Unprintable()\n"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))
    yield "qm_test_plugin"
    for name in ("qm_test_plugin", "qm_broken_plugin", "qm_syntax_plugin", "qm_exiting_plugin", "qm_lines_plugin", "qm_base_plugin", "qm_str_plugin"):
        sys.modules.pop(name, None)


def test_plugin_models_by_import_path(plugin_module, tmp_path):
    (tmp_path / "ok.json").write_text(json.dumps({"job_id": "a", "shots": 10}))
    (tmp_path / "bad.json").write_text(json.dumps({"job_id": "a", "shots": "ten"}))
    status, out, _ = run("check", "--model", f"{plugin_module}:Shots", str(tmp_path / "ok.json"), str(tmp_path / "bad.json"))
    assert status == 1
    assert out.splitlines()[:3] == [
        f"ok      {tmp_path / 'ok.json'} (Shots)",
        f"FAILED  {tmp_path / 'bad.json'} (Shots)",
        "          shots: Not a valid integer.",
    ]
    status, out, _ = run("schema", f"{plugin_module}:Shots")
    assert status == 0
    assert json.loads(out)["description"] == "A plugin's own payload."


@pytest.mark.parametrize(
    "name,message",
    [
        ("qm_test_plugin:Nope", "qiskit-models: 'qm_test_plugin' has no 'Nope'\n"),
        ("qm_test_plugin:NOT_A_MODEL", "qiskit-models: 'qm_test_plugin:NOT_A_MODEL' is not a model class\n"),
        ("qm_no_such_module:Shots", "qiskit-models: cannot import 'qm_no_such_module' (No module named 'qm_no_such_module')\n"),
        ("qiskit_models:BaseModel", "qiskit-models: 'qiskit_models:BaseModel' is not bound to a schema (decorate it with @bind_schema)\n"),
        ("qm_test_plugin:Unbound", "qiskit-models: 'qm_test_plugin:Unbound' is not bound to a schema (decorate it with @bind_schema)\n"),
        (":", "qiskit-models: ':' is not of the form package.module:ClassName\n"),
        (".x:Y", "qiskit-models: '.x:Y' is not of the form package.module:ClassName\n"),
        ("qm_test_plugin:", "qiskit-models: 'qm_test_plugin:' is not of the form package.module:ClassName\n"),
        ("qm_test_plugin:Shots.", "qiskit-models: 'qm_test_plugin:Shots.' is not of the form package.module:ClassName\n"),
        ("qm_broken_plugin:Shots", "qiskit-models: cannot import 'qm_broken_plugin' (RuntimeError: the plugin needs a token)\n"),
        ("qm_exiting_plugin:Shots", "qiskit-models: cannot import 'qm_exiting_plugin' (SystemExit: 3)\n"),
        ("qm_lines_plugin:Shots", "qiskit-models: cannot import 'qm_lines_plugin' (RuntimeError: first\\nsecond)\n"),
        ("qm_base_plugin:Shots", "qiskit-models: cannot import 'qm_base_plugin' (BaseException: base)\n"),
        ("qm_str_plugin:Shots", "qiskit-models: cannot import 'qm_str_plugin' (Unprintable)\n"),
    ],
)
def test_bad_import_paths_are_usage_errors(plugin_module, tmp_path, name, message):
    assert run("check", "--model", name, str(tmp_path)) == (2, "", message)
    assert run("schema", name) == (2, "", message)


def test_a_plugin_module_with_a_syntax_error_is_a_usage_error(plugin_module, tmp_path):
    status, out, err = run("check", "--model", "qm_syntax_plugin:Shots", str(tmp_path))
    assert (status, out) == (2, "")
    assert err.startswith("qiskit-models: cannot import 'qm_syntax_plugin' (SyntaxError: ") and err.count("\n") == 1


def test_resolve_model():
    assert resolve_model("JOBSTATUS") is JobStatus
    assert resolve_model("qiskit_models:BackendStatus") is BackendStatus
    with pytest.raises(LookupError):
        resolve_model("qiskit_models:ModelValidationError")


# -- check: progress, summary, formats, exit statuses ------------------------------


def test_progress_on_a_terminal_with_more_than_five_files(tmp_path):
    write_payloads(tmp_path, good=5, bad=1)
    terminal = FakeTerminal()
    status, out, err = run("check", str(tmp_path), err=terminal)
    assert status == 1
    for number in range(1, 7):
        assert f"\r[{number}/6] " in err
    assert err.endswith("\r" + " " * 72 + "\r")  # the progress line is cleared at the end
    lines = out.splitlines()
    assert len(lines) == 8  # one line per file, one error line, the summary
    assert lines[-1].startswith("6 files: 5 passed, 1 failed (") and lines[-1].endswith(" s)")


def test_no_progress_for_a_handful_of_files_or_off_a_terminal(tmp_path):
    write_payloads(tmp_path, good=5, bad=0)
    assert run("check", str(tmp_path), err=FakeTerminal())[2] == ""
    write_payloads(tmp_path, good=6, bad=0)
    assert run("check", str(tmp_path))[2] == ""  # standard error is not a terminal
    assert run("check", "--format", "json", str(tmp_path), err=FakeTerminal())[2] == ""


def test_quiet_prints_failures_only_while_progress_still_shows(tmp_path):
    write_payloads(tmp_path, good=6, bad=1)
    status, out, err = run("check", "--quiet", str(tmp_path), err=FakeTerminal())
    assert status == 1
    assert out.splitlines() == [f"FAILED  {tmp_path / 'zbad_0.json'} (JobStatus)", "          status: Must be one of: INITIALIZING, QUEUED, VALIDATING, RUNNING, CANCELLED, DONE, ERROR (got 'LOST')."]
    assert "[7/7]" in err
    assert run("check", "--quiet", str(tmp_path / "good_0.json")) == (0, "", "")


def test_json_format_for_ci(tmp_path):
    write_payloads(tmp_path, good=1, bad=1)
    status, out, err = run("check", "--format", "json", str(tmp_path))
    assert (status, err) == (1, "")
    report = json.loads(out)
    assert set(report) == {"results", "summary"}
    assert set(report["summary"]) == {"files", "passed", "failed", "seconds"}
    assert (report["summary"]["files"], report["summary"]["passed"], report["summary"]["failed"]) == (2, 1, 1)
    assert report["results"][0] == {
        "path": str(tmp_path / "good_0.json"),
        "model": "JobStatus",
        "ok": True,
        "problem": None,
        "errors": [],
        "roundtrip": [],
    }
    assert report["results"][1]["errors"] == [
        {"path": "status", "message": "Must be one of: INITIALIZING, QUEUED, VALIDATING, RUNNING, CANCELLED, DONE, ERROR (got 'LOST')."}
    ]


def test_exit_statuses(tmp_path):
    write_payloads(tmp_path, good=1, bad=0)
    assert run("check", str(tmp_path))[0] == 0
    write_payloads(tmp_path, good=1, bad=1)
    assert run("check", str(tmp_path))[0] == 1
    assert run("check")[0] == 2  # no PATH
    assert run("nope")[0] == 2
    assert run("--version")[0] == 0


def test_an_empty_model_name_is_a_usage_error(tmp_path):
    status, out, err = run("check", "--model", "", str(tmp_path))
    assert (status, out) == (2, "") and err.startswith("qiskit-models: unknown model ''; known: ")
