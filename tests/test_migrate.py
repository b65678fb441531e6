"""``qiskit-models migrate``: legacy imports rewritten exactly, nothing else touched."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from qiskit_models.cli import main
from qiskit_models.migrate import migrate_source, python_files


def run(*argv: str):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


INIT = '''\
"""A provider plugin of 2020. from qiskit.validation import BaseModel stays in this docstring."""
import os, qiskit.validation.fields as f  # keep this comment: qiskit.validation
from qiskit.validation import BaseModel, BaseSchema, bind_schema
from qiskit.providers.models import (
    JobStatus,   # the status model
    BackendStatus as Status,
)

LEGACY = "from qiskit.providers.models import JobStatus"
'''

INIT_AFTER = '''\
"""A provider plugin of 2020. from qiskit.validation import BaseModel stays in this docstring."""
import os, qiskit_models.validation.fields as f  # keep this comment: qiskit.validation
from qiskit_models.validation import BaseModel, BaseSchema, bind_schema
from qiskit_models.providers.models import (
    JobStatus,   # the status model
    BackendStatus as Status,
)

LEGACY = "from qiskit.providers.models import JobStatus"
'''

MODELS = '''\
# -*- coding: utf-8 -*-
from qiskit import validation
from qiskit.providers.models.jobstatus import JOB_STATES
from qiskit.providers import models


class MyJobSchema(validation.BaseSchema):
    def load_legacy(self):
        from qiskit.validation.base import \\
            Obj
        try: from qiskit.validation.exceptions import ModelValidationError
        except ImportError: pass
        return Obj, ModelValidationError


STATES = JOB_STATES + ("TRANSPILING",)
'''

MODELS_AFTER = (
    MODELS.replace("from qiskit import validation", "from qiskit_models import validation")
    .replace("from qiskit.providers.models.jobstatus", "from qiskit_models.providers.models.jobstatus")
    .replace("from qiskit.providers import models", "from qiskit_models.providers import models")
    .replace("from qiskit.validation.base", "from qiskit_models.validation.base")
    .replace("from qiskit.validation.exceptions", "from qiskit_models.validation.exceptions")
)

#: CRLF line endings, a byte-order mark and no final newline.
WINDOWS = "\ufefffrom qiskit.validation import fields\r\nNAME = 'é'\r\nprint(fields)"
WINDOWS_AFTER = WINDOWS.replace("qiskit.validation", "qiskit_models.validation")

README = "Install, then: from qiskit.validation import BaseModel\n"


@pytest.fixture
def plugin(tmp_path):
    root = tmp_path / "myplugin"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text(INIT)
    (root / "models.py").write_text(MODELS)
    (root / "sub" / "windows.py").write_bytes(WINDOWS.encode("utf-8"))
    (root / "README.md").write_text(README)
    (root / "setup.cfg").write_text("[options]\ninstall_requires = qiskit.validation\n")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "old.py").write_text("import qiskit.validation as v\n")
    (root / "env").mkdir()
    (root / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    (root / "env" / "lib.py").write_text("import qiskit.validation as v\n")
    return root


def snapshot(root):
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_dry_run_prints_the_exact_diff_and_changes_nothing(plugin, monkeypatch):
    monkeypatch.chdir(plugin.parent)
    before = snapshot(plugin)
    status, out, err = run("migrate", "myplugin")
    assert status == 1
    assert snapshot(plugin) == before
    assert out.splitlines(keepends=True) == [
        "--- a/myplugin/__init__.py\n",
        "+++ b/myplugin/__init__.py\n",
        "@@ -1,7 +1,7 @@\n",
        ' """A provider plugin of 2020. from qiskit.validation import BaseModel stays in this docstring."""\n',
        "-import os, qiskit.validation.fields as f  # keep this comment: qiskit.validation\n",
        "-from qiskit.validation import BaseModel, BaseSchema, bind_schema\n",
        "-from qiskit.providers.models import (\n",
        "+import os, qiskit_models.validation.fields as f  # keep this comment: qiskit.validation\n",
        "+from qiskit_models.validation import BaseModel, BaseSchema, bind_schema\n",
        "+from qiskit_models.providers.models import (\n",
        "     JobStatus,   # the status model\n",
        "     BackendStatus as Status,\n",
        " )\n",
        "--- a/myplugin/models.py\n",
        "+++ b/myplugin/models.py\n",
        "@@ -1,14 +1,14 @@\n",
        " # -*- coding: utf-8 -*-\n",
        "-from qiskit import validation\n",
        "-from qiskit.providers.models.jobstatus import JOB_STATES\n",
        "-from qiskit.providers import models\n",
        "+from qiskit_models import validation\n",
        "+from qiskit_models.providers.models.jobstatus import JOB_STATES\n",
        "+from qiskit_models.providers import models\n",
        " \n",
        " \n",
        " class MyJobSchema(validation.BaseSchema):\n",
        "     def load_legacy(self):\n",
        "-        from qiskit.validation.base import \\\n",
        "+        from qiskit_models.validation.base import \\\n",
        "             Obj\n",
        "-        try: from qiskit.validation.exceptions import ModelValidationError\n",
        "+        try: from qiskit_models.validation.exceptions import ModelValidationError\n",
        "         except ImportError: pass\n",
        "         return Obj, ModelValidationError\n",
        " \n",
        "--- a/myplugin/sub/windows.py\n",
        "+++ b/myplugin/sub/windows.py\n",
        "@@ -1,3 +1,3 @@\n",
        "-\ufefffrom qiskit.validation import fields\r\n",  # the byte-order mark too, so that the diff applies
        "+\ufefffrom qiskit_models.validation import fields\r\n",
        " NAME = 'é'\r\n",
        " print(fields)\n",
        "\\ No newline at end of file\n",
    ]
    assert err == "3 files checked: 3 to rewrite (9 imports), 0 imports to change by hand, 0 files not read\n"


def test_write_rewrites_only_the_imports_and_a_second_run_finds_nothing(plugin):
    before = snapshot(plugin)
    status, out, err = run("migrate", "--write", str(plugin))
    assert (status, out) == (0, "")
    assert err == "3 files checked: 3 rewritten (9 imports), 0 imports to change by hand, 0 files not read\n"
    after = snapshot(plugin)
    assert after["__init__.py"] == INIT_AFTER.encode()
    assert after["models.py"] == MODELS_AFTER.encode()
    assert after["sub/windows.py"] == WINDOWS_AFTER.encode("utf-8")
    assert after["sub/windows.py"].startswith(b"\xef\xbb\xbffrom qiskit_models.validation import fields\r\n")
    unchanged = {name: content for name, content in before.items() if name not in ("__init__.py", "models.py", "sub/windows.py")}
    assert {name: after[name] for name in unchanged} == unchanged  # README, setup.cfg, hidden and venv files
    assert run("migrate", str(plugin)) == (0, "", "3 files checked: 0 to rewrite (0 imports), 0 imports to change by hand, 0 files not read\n")
    assert run("migrate", "--write", str(plugin))[0] == 0
    assert snapshot(plugin) == after


def test_the_rewritten_plugin_imports_and_runs(plugin):
    assert run("migrate", "--write", str(plugin))[0] == 0
    completed = subprocess.run(
        [sys.executable, "-c", "import myplugin, myplugin.models; print(myplugin.JobStatus.__module__, myplugin.models.STATES[-1])"],
        cwd=plugin.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == "qiskit_models.providers.models.jobstatus TRANSPILING\n"


UNSAFE = '''\
import qiskit.validation
import qiskit.providers.models, json
from qiskit.validation.jsonschema import validate_json_against_schema
from qiskit.validation import jsonschema
import qiskit.validation.jsonschema.exceptions as errors
from qiskit.validation.fields import String, NotAField, AlsoMissing
from qiskit.providers.models.nosuchmodule import Something
from qiskit import QuantumCircuit, validation
from qiskit.validation import BaseModel
'''


def test_imports_that_cannot_be_rewritten_are_reported_and_left_alone(tmp_path):
    path = tmp_path / "legacy.py"
    path.write_text(UNSAFE)
    status, out, err = run("migrate", "--write", str(path))
    assert (status, out) == (1, "")
    assert path.read_text() == UNSAFE.replace("from qiskit.validation import BaseModel", "from qiskit_models.validation import BaseModel")
    jsonschema_note = (
        "qiskit.validation.jsonschema (validation against Qiskit's own JSON schema files) has no counterpart in "
        "qiskit-models: load payloads with Model.from_dict, or export a model's schema with "
        "qiskit_models.jsonschema.model_json_schema and validate with the jsonschema package"
    )
    assert err.splitlines() == [
        f"{path}:1:0: left unchanged: 'import qiskit.validation' binds the name 'qiskit' and the code then uses "
        "'qiskit.validation...': change the import and those uses by hand, for example to "
        "'import qiskit_models.validation as ...'",
        f"{path}:2:0: left unchanged: 'import qiskit.providers.models' binds the name 'qiskit' and the code then uses "
        "'qiskit.providers.models...': change the import and those uses by hand, for example to "
        "'import qiskit_models.providers.models as ...'",
        f"{path}:3:0: left unchanged: {jsonschema_note}",
        f"{path}:4:0: left unchanged: {jsonschema_note}",
        f"{path}:5:0: left unchanged: {jsonschema_note}",
        f"{path}:6:0: left unchanged: qiskit_models.validation.fields has no NotAField, AlsoMissing",
        f"{path}:7:0: left unchanged: qiskit.providers.models.nosuchmodule has no counterpart: qiskit-models has no "
        "module qiskit_models.providers.models.nosuchmodule",
        f"{path}:8:0: left unchanged: 'from qiskit import' takes validation together with QuantumCircuit: "
        "split the import by hand",
        "1 files checked: 1 rewritten (1 imports), 8 imports to change by hand, 0 files not read",
    ]
    # a dry run after the write still reports them (exit 1) but has no diff
    assert run("migrate", str(path))[:2] == (1, "")


def test_files_that_are_not_python_are_reported(tmp_path):
    (tmp_path / "broken.py").write_text("from qiskit.validation import (BaseModel,\n")
    (tmp_path / "latin1.py").write_bytes(b"# -*- coding: latin-1 -*-\nfrom qiskit.validation import BaseModel\nNAME = '\xe9'\n")
    status, out, err = run("migrate", "--write", str(tmp_path))
    assert status == 1
    assert (tmp_path / "broken.py").read_text() == "from qiskit.validation import (BaseModel,\n"
    assert (tmp_path / "latin1.py").read_bytes() == (
        b"# -*- coding: latin-1 -*-\nfrom qiskit_models.validation import BaseModel\nNAME = '\xe9'\n"
    )
    lines = err.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'broken.py'}: not Python the tokenizer can read (")
    assert lines[-1] == "2 files checked: 1 rewritten (1 imports), 0 imports to change by hand, 1 files not read"


def test_a_missing_path_is_a_usage_error(tmp_path):
    assert run("migrate", str(tmp_path / "nope")) == (2, "", f"qiskit-models: no such file or directory: {tmp_path / 'nope'}\n")


def test_a_tree_without_legacy_imports(tmp_path):
    (tmp_path / "clean.py").write_text("import qiskit\nfrom qiskit.providers import BaseBackend\nimport qiskit_models.validation\n")
    assert run("migrate", str(tmp_path)) == (0, "", "1 files checked: 0 to rewrite (0 imports), 0 imports to change by hand, 0 files not read\n")


@pytest.mark.parametrize(
    "before,after",
    [
        ("import qiskit.validation.fields as f\n", "import qiskit_models.validation.fields as f\n"),
        ("from qiskit.validation import *\n", "from qiskit_models.validation import *\n"),
        ("from  qiskit . validation  import  fields\n", "from  qiskit_models . validation  import  fields\n"),
        ("if True:\n    import qiskit.validation.base as b\n", "if True:\n    import qiskit_models.validation.base as b\n"),
        ("x = 1; from qiskit.validation import Obj\n", "x = 1; from qiskit_models.validation import Obj\n"),
        ("from qiskit.validationx import y\n", "from qiskit.validationx import y\n"),
        ("from .validation import y\n", "from .validation import y\n"),
        ("raise ValueError() from qiskit\n", "raise ValueError() from qiskit\n"),
        ("s = '''\nfrom qiskit.validation import Obj\n'''\n", "s = '''\nfrom qiskit.validation import Obj\n'''\n"),
        ("# from qiskit.validation import Obj\n", "# from qiskit.validation import Obj\n"),
        ("__import__('qiskit.validation')\n", "__import__('qiskit.validation')\n"),
    ],
)
def test_migrate_source(before, after):
    assert migrate_source(before).text == after


def test_python_files_walks_in_order_and_skips_what_is_not_source(plugin):
    found = [path[len(str(plugin)) + 1 :] for path in python_files([str(plugin)])]
    assert found == ["__init__.py", "models.py", "sub/windows.py"]


def test_the_diff_holds_the_files_own_bytes_in_a_real_process(tmp_path):
    """A byte-order mark and a latin-1 file: every context and removed line is the file's own bytes."""
    source = tmp_path / "src"
    source.mkdir()
    files = {
        "bom.py": b"\xef\xbb\xbffrom qiskit.validation import BaseModel\r\nx = 1\r\n",
        "latin.py": b"# -*- coding: latin-1 -*-\n# caf\xe9\nfrom qiskit.providers.models import JobStatus\n",
    }
    for name, data in files.items():
        (source / name).write_bytes(data)
    completed = subprocess.run(
        [sys.executable, "-m", "qiskit_models", "migrate", str(source)], cwd=tmp_path, capture_output=True, check=False
    )
    assert completed.returncode == 1
    diff = completed.stdout
    assert diff.splitlines(keepends=True) == [
        b"--- a/src/bom.py\n",
        b"+++ b/src/bom.py\n",
        b"@@ -1,2 +1,2 @@\n",
        b"-\xef\xbb\xbffrom qiskit.validation import BaseModel\r\n",
        b"+\xef\xbb\xbffrom qiskit_models.validation import BaseModel\r\n",
        b" x = 1\r\n",
        b"--- a/src/latin.py\n",
        b"+++ b/src/latin.py\n",
        b"@@ -1,3 +1,3 @@\n",
        b" # -*- coding: latin-1 -*-\n",
        b" # caf\xe9\n",
        b"-from qiskit.providers.models import JobStatus\n",
        b"+from qiskit_models.providers.models import JobStatus\n",
    ]
    assert {name: (source / name).read_bytes() for name in files} == files  # a dry run


def test_a_name_with_a_space_ends_with_a_tab_in_the_headers(tmp_path, monkeypatch):
    """As git writes it: patch reads a header name up to a tab, else up to the first space."""
    (tmp_path / "my plugin.py").write_text("from qiskit.validation import fields\n")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run("migrate", "my plugin.py")
    assert status == 1
    assert out.splitlines()[:2] == ["--- a/my plugin.py\t", "+++ b/my plugin.py\t"]


def test_odd_names_are_quoted_as_git_quotes_them_and_each_file_is_diffed_once(tmp_path, monkeypatch):
    (tmp_path / "x\ttab").mkdir()
    (tmp_path / "x\ttab" / "t.py").write_text("from qiskit.validation import fields\n")
    (tmp_path / "q\"uote.py").write_text("from qiskit.validation import fields\n")
    monkeypatch.chdir(tmp_path)
    status, out, err = run("migrate", ".", "x\ttab/t.py", str(tmp_path / "x\ttab"))
    assert status == 1 and err.startswith("2 files checked")
    headers = [line for line in out.splitlines() if line.startswith(("---", "+++"))]
    assert headers == ['--- "a/q\\"uote.py"', '+++ "b/q\\"uote.py"', '--- "a/x\\ttab/t.py"', '+++ "b/x\\ttab/t.py"']
