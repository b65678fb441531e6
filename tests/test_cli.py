"""The ``qiskit-models check`` command."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path


from conftest import CORPUS
from qiskit_models.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*argv: str):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_valid_examples_pass():
    status, out, _ = run("check", "--roundtrip", str(EXAMPLES / "valid"))
    assert status == 0
    lines = out.splitlines()
    assert lines[:6] == [
        f"ok      {EXAMPLES / 'valid' / 'backend_configuration_pulse_2q.json'} (PulseBackendConfiguration)",
        f"ok      {EXAMPLES / 'valid' / 'backend_properties_2q.json'} (BackendProperties)",
        f"ok      {EXAMPLES / 'valid' / 'backend_status_online.json'} (BackendStatus)",
        f"ok      {EXAMPLES / 'valid' / 'job_status_done.json'} (JobStatus)",
        f"ok      {EXAMPLES / 'valid' / 'job_status_queued.json'} (JobStatus)",
        f"ok      {EXAMPLES / 'valid' / 'pulse_defaults_2q.json'} (PulseDefaults)",
    ]
    assert lines[-1].startswith("6 files: 6 passed, 0 failed (")


def test_invalid_examples_report_every_error_with_its_path():
    status, out, _ = run("check", str(EXAMPLES / "invalid"))
    assert status == 1
    assert out.splitlines()[:3] == [
        f"FAILED  {EXAMPLES / 'invalid' / 'backend_status_negative_queue.json'} (BackendStatus)",
        "          operational: Not a valid boolean.",
        "          pending_jobs: Must be greater than or equal to 0.",
    ]


def test_real_status_payloads():
    status, out, _ = run("check", "--roundtrip", str(CORPUS / "job_status"), str(CORPUS / "backend_status"))
    assert status == 1
    results = {line.split()[1]: line.split()[0] for line in out.splitlines() if line.startswith(("ok", "FAILED"))}
    assert results == {
        str(CORPUS / "job_status" / "schema_example.json"): "ok",
        str(CORPUS / "job_status" / "schema_example_legacy_id_key.json"): "FAILED",
        str(CORPUS / "backend_status" / "schema_example.json"): "ok",
        str(CORPUS / "backend_status" / "schema_example_legacy_available.json"): "FAILED",
        str(CORPUS / "backend_status" / "schema_example_legacy_no_name.json"): "FAILED",
        str(CORPUS / "backend_status" / "schema_deprecated_example.json:"): "FAILED",
    }
    assert "not a payload of a known kind" in out
    assert out.splitlines()[-1].startswith("6 files: 2 passed, 4 failed")


def test_bad_files_get_one_line_each(tmp_path):
    (tmp_path / "a_not_json.json").write_text("{not json")
    (tmp_path / "b_empty.json").write_text("")
    (tmp_path / "c_binary.json").write_bytes(bytes(range(256)))
    unreadable = tmp_path / "d_unreadable.json"
    unreadable.write_text("{}")
    unreadable.chmod(0)
    (tmp_path / "e_deep.json").write_text("[" * 100000 + "]" * 100000)
    (tmp_path / "f_list.json").write_text("[1, 2]")
    (tmp_path / "g_valid.json").write_text(json.dumps({"job_id": "j", "status": "DONE", "status_msg": "m"}))
    (tmp_path / "notes.txt").write_text("ignored")
    status, out, err = run("check", str(tmp_path))
    assert status == 1
    assert "Traceback" not in out + err
    lines = out.splitlines()
    assert lines[0] == f"FAILED  {tmp_path / 'a_not_json.json'}: not JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))"
    assert lines[1] == f"FAILED  {tmp_path / 'b_empty.json'}: the file is empty"
    assert lines[2].startswith(f"FAILED  {tmp_path / 'c_binary.json'}: not JSON")
    if os.geteuid() != 0:  # root reads anything
        assert lines[3].startswith(f"FAILED  {tmp_path / 'd_unreadable.json'}: cannot read the file")
    assert lines[-3] == f"FAILED  {tmp_path / 'f_list.json'}: not a payload of a known kind (use --model NAME)"
    assert lines[-2] == f"ok      {tmp_path / 'g_valid.json'} (JobStatus)"
    assert any(line.startswith(f"FAILED  {tmp_path / 'e_deep.json'}: not JSON") for line in lines)
    assert lines[-1].startswith("7 files: 1 passed, 6 failed")


def test_missing_path(tmp_path):
    status, out, _ = run("check", str(tmp_path / "nope.json"))
    assert status == 1
    assert out.splitlines()[0] == f"FAILED  {tmp_path / 'nope.json'}: no such file or directory"


def test_model_option(tmp_path):
    path = tmp_path / "status.json"
    path.write_text(json.dumps({"job_id": "j", "status": "DONE", "status_msg": "m"}))
    status, out, _ = run("check", "--model", "BackendStatus", str(path))
    assert status == 1
    assert "backend_name: Missing data for required field." in out
    status, out, _ = run("check", "--model", "job_status", str(path))
    assert status == 0


def test_unknown_model_is_a_usage_error(tmp_path):
    status, _, err = run("check", "--model", "Nope", str(tmp_path))
    assert status == 2
    assert "unknown model 'Nope'" in err


def test_roundtrip_differences_are_reported(tmp_path, monkeypatch):
    from qiskit_models import JobStatus

    path = tmp_path / "status.json"
    path.write_text(json.dumps({"job_id": "j", "status": "DONE", "status_msg": "m"}))
    original = JobStatus.to_dict
    monkeypatch.setattr(JobStatus, "to_dict", lambda self: {**original(self), "status": "ERROR"})
    status, out, _ = run("check", "--roundtrip", str(path))
    assert status == 1
    assert "          round trip: status: 'DONE' != 'ERROR'" in out.splitlines()


def test_json_format_and_quiet():
    status, out, _ = run("check", "--format", "json", str(EXAMPLES))
    assert status == 1
    report = json.loads(out)
    assert report["summary"]["files"] == 8 and report["summary"]["passed"] == 6 and report["summary"]["failed"] == 2
    failed = [result for result in report["results"] if not result["ok"]]
    assert failed[0]["errors"] == [
        {"path": "operational", "message": "Not a valid boolean."},
        {"path": "pending_jobs", "message": "Must be greater than or equal to 0."},
    ]
    status, out, _ = run("check", "--quiet", str(EXAMPLES))
    assert status == 1
    assert all(not line.startswith("ok") for line in out.splitlines())
    assert out.splitlines()[0].startswith("FAILED")
    status, out, _ = run("check", "--quiet", "--format", "json", str(EXAMPLES))
    quiet = json.loads(out)
    assert status == 1 and quiet["results"] == failed
    assert {key: value for key, value in quiet["summary"].items() if key != "seconds"} == {"files": 8, "passed": 6, "failed": 2}


def test_python_dash_m():
    completed = subprocess.run(
        [sys.executable, "-m", "qiskit_models", "check", str(EXAMPLES / "valid")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.splitlines()[-1].startswith("6 files: 6 passed")


def test_real_provider_payloads_round_trip():
    folders = [str(CORPUS / kind) for kind in ("backend_properties", "backend_configuration", "pulse_defaults")]
    status, out, _ = run("check", "--roundtrip", "--format", "json", *folders)
    assert status == 0
    report = json.loads(out)
    assert report["summary"]["files"] == 89 and report["summary"]["failed"] == 0
    models = {os.path.relpath(result["path"], CORPUS): result["model"] for result in report["results"]}
    assert models["backend_properties/sherbrooke.json"] == "BackendProperties"
    assert models["pulse_defaults/sherbrooke.json"] == "PulseDefaults"
    assert models["backend_configuration/sherbrooke.json"] == "PulseBackendConfiguration"
    assert models["backend_configuration/oslo.json"] == "QasmBackendConfiguration"  # pulse keys, open_pulse false
    assert models["backend_configuration/schema_example_openqasm_simulator.json"] == "QasmBackendConfiguration"
    assert sorted(set(models.values())) == [
        "BackendProperties", "PulseBackendConfiguration", "PulseDefaults", "QasmBackendConfiguration"
    ]


def test_provider_errors_name_their_path(tmp_path):
    payload = json.loads((EXAMPLES / "valid" / "backend_configuration_pulse_2q.json").read_text())
    del payload["u_channel_lo"]
    payload["qubit_lo_range"][1] = [4.6, 5.6, 6.6]
    payload["gates"][0]["coupling_map"] = []
    path = tmp_path / "conf.json"
    path.write_text(json.dumps(payload))
    status, out, _ = run("check", str(path))
    assert status == 1
    assert out.splitlines()[:4] == [
        f"FAILED  {path} (PulseBackendConfiguration)",
        "          gates[0].coupling_map: Shorter than minimum length 1.",
        "          u_channel_lo: Missing data for required field.",
        "          qubit_lo_range[1]: Length must be 2.",
    ]
    status, out, _ = run("check", "--model", "QasmBackendConfiguration", str(EXAMPLES / "valid" / "backend_configuration_pulse_2q.json"))
    assert status == 1 and "open_pulse: Must be one of: False (got True)." in out


def _hostile_directory(root: Path) -> dict:
    """A directory of bad files mixed with valid ones; returns {file name: expected start of its problem}."""
    valid = json.dumps({"job_id": "j", "status": "DONE", "status_msg": "m"})
    (root / "not_json.json").write_text("{not json")
    (root / "empty.json").write_text("")
    (root / "blank.json").write_text(" \n\t\n")
    (root / "binary.json").write_bytes(bytes(range(256)) * 4)
    (root / "truncated.json").write_text(valid[:-5])
    (root / "bigint.json").write_text('{"job_id": ' + "9" * 5000 + "}")
    (root / "unreadable.json").write_text(valid)
    (root / "unreadable.json").chmod(0)
    (root / "ok_1.json").write_text(valid)
    (root / "nested").mkdir()
    (root / "nested" / "ok_2.json").write_text(json.dumps({"job_id": "j", "status": "QUEUED", "status_msg": "é ✓ \U0001f600"}))
    (root / "nested" / "odd_é.json").write_text(json.dumps({"job_id": "j", "status": "DONÉ", "status_msg": "m"}))
    (root / "folder.json").mkdir()  # a directory named like a payload is not a file to check
    os.symlink(root / "nowhere", root / "dangling.json")
    return {
        "not_json.json": "not JSON (",
        "empty.json": "the file is empty",
        "blank.json": "the file is empty",
        "binary.json": "not JSON",
        "truncated.json": "not JSON (",
        "bigint.json": "not JSON (",
        "dangling.json": "cannot read the file (",
    }


def test_a_directory_of_hostile_files_in_a_real_process(tmp_path):
    """``python -m qiskit_models check`` on a mixed directory, with an ASCII-only terminal."""
    bad = _hostile_directory(tmp_path)
    (tmp_path / os.fsdecode(b"\xff\xfe.json")).write_text("{}")  # a name that is not UTF-8
    completed = subprocess.run(
        [sys.executable, "-m", "qiskit_models", "check", str(tmp_path)],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
    )
    out, err = completed.stdout.decode("ascii"), completed.stderr.decode("ascii")
    assert completed.returncode == 1
    assert "Traceback" not in out + err and err == ""
    lines = out.splitlines()
    for name, problem in bad.items():
        matching = [line for line in lines if line.startswith(f"FAILED  {tmp_path / name}:")]
        assert len(matching) == 1, (name, lines)
        assert matching[0].startswith(f"FAILED  {tmp_path / name}: {problem}")
    assert f"ok      {tmp_path / 'ok_1.json'} (JobStatus)" in lines
    assert f"ok      {tmp_path / 'nested' / 'ok_2.json'} (JobStatus)" in lines
    assert f"FAILED  {tmp_path / 'nested'}/odd_" + "\\xe9.json (JobStatus)" in lines
    assert "          status: Must be one of: INITIALIZING, QUEUED, VALIDATING, RUNNING, CANCELLED, DONE, ERROR (got 'DON\\xc9')." in lines
    assert f"FAILED  {tmp_path}/\\udcff\\udcfe.json: not a payload of a known kind (use --model NAME)" in lines
    assert not any("folder.json" in line for line in lines)
    assert lines[-1].startswith("12 files: ")


def test_a_file_without_read_permission(tmp_path, monkeypatch):
    """As root every file is readable, so the refusal is also simulated where the file is opened."""
    import builtins

    from qiskit_models import cli

    _hostile_directory(tmp_path)
    locked = str(tmp_path / "unreadable.json")

    def guarded_open(path, *args, **kwargs):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(cli, "open", guarded_open, raising=False)
    status, out, err = run("check", "--roundtrip", str(tmp_path))
    assert status == 1 and err == ""
    lines = out.splitlines()
    assert f"FAILED  {locked}: cannot read the file (Permission denied)" in lines
    assert f"ok      {tmp_path / 'ok_1.json'} (JobStatus)" in lines
    assert f"ok      {tmp_path / 'nested' / 'ok_2.json'} (JobStatus)" in lines
    assert lines[-1].startswith("11 files: 2 passed, 9 failed")
    status, out, _ = run("check", "--format", "json", str(tmp_path))
    report = json.loads(out)
    assert status == 1 and report["summary"]["failed"] == 9
    assert {result["path"]: result["ok"] for result in report["results"]}[locked] is False


def test_a_fifo_is_reported_not_read(tmp_path):
    """Reading a FIFO would block until a writer comes: it is not a regular file."""
    (tmp_path / "ok.json").write_text(json.dumps({"job_id": "j", "status": "DONE", "status_msg": "m"}))
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for paths in ([str(tmp_path)], [str(fifo), str(tmp_path / "ok.json")]):
        status, out, err = run("check", *paths)
        assert status == 1 and err == ""
        lines = out.splitlines()
        assert f"FAILED  {fifo}: not a regular file" in lines
        assert f"ok      {tmp_path / 'ok.json'} (JobStatus)" in lines
        assert lines[-1].startswith("2 files: 1 passed, 1 failed")


def test_control_characters_in_names_and_messages_are_escaped(tmp_path):
    """A file name or a payload value cannot send escape sequences to the terminal."""
    bad = tmp_path / "bad\x1b[31mname.json"
    bad.write_text(json.dumps({"job_id": "j", "status": "\x1b[2J", "status_msg": "m"}))
    status, out, _ = run("check", str(bad))
    assert status == 1 and "\x1b" not in out
    assert out.splitlines()[0] == f"FAILED  {tmp_path}/bad\\x1b[31mname.json (JobStatus)"
    assert "\\x1b[2J" in out.splitlines()[1]
    assert out.splitlines()[-1].startswith("1 file: 0 passed, 1 failed")
