"""The ``qiskit-models`` command line.

``qiskit-models check PATH...``
    loads every JSON payload it finds with the model of its kind and reports,
    per file, ``ok`` or every error with its field path.  Exit status: 0 when
    every file passed, 1 when at least one file failed (not valid, not
    readable, not JSON, not a known kind, or a round trip that changed it), 2
    for a usage error.

``qiskit-models schema MODEL``
    prints the model's JSON Schema (draft 2020-12).  Exit status: 0, or 2 for
    an unknown model or when the ``jsonschema`` extra is not installed.

``qiskit-models migrate PATH...``
    rewrites legacy imports (``qiskit.validation``, ``qiskit.providers.models``)
    to qiskit-models; see :mod:`qiskit_models.migrate` for the exit statuses.

A ``MODEL`` (``--model`` of ``check``) is a model class name or kind
(``JobStatus``, ``job_status``), or ``package.module:ClassName`` for a
plugin's own model.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator, List, Optional, Sequence, TextIO, Tuple, Type

from qiskit_models.json_types import JSONDict

if TYPE_CHECKING:  # pragma: no cover - imported when used, so that the command starts fast
    from qiskit_models.validation.base import BaseModel

__all__ = ["FileResult", "build_parser", "check_file", "main", "resolve_model"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

#: ``check`` shows progress on a terminal when it checks more files than this.
PROGRESS_THRESHOLD = 5


@dataclass
class FileResult:
    """The outcome of checking one file.

    Attributes:
        path: the file.
        model: the name of the model used, if one was found.
        problem: why the file could not be checked (not JSON, unreadable, ...).
        errors: ``(field path, message)`` pairs of the validation errors.
        roundtrip: differences found by ``--roundtrip``.
    """

    path: str
    model: Optional[str] = None
    problem: Optional[str] = None
    errors: List[Tuple[str, str]] = field(default_factory=list)
    roundtrip: List[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file passed."""
        return self.problem is None and not self.errors and not self.roundtrip

    def as_json(self) -> JSONDict:
        """Return the result as JSON types (for ``--format json``)."""
        return {
            "path": self.path,
            "model": self.model,
            "ok": self.ok,
            "problem": self.problem,
            "errors": [{"path": path, "message": message} for path, message in self.errors],
            "roundtrip": list(self.roundtrip),
        }


def _iter_files(paths: Sequence[str]) -> Iterator[Tuple[str, Optional[str]]]:
    """Yield ``(file, problem)``: every ``*.json`` file under each path, in order."""
    for path in paths:
        if os.path.isdir(path):
            found: List[str] = []
            for root, dirs, files in os.walk(path, onerror=None):
                dirs.sort()
                found.extend(os.path.join(root, name) for name in sorted(files) if name.lower().endswith(".json"))
            if not found:
                yield path, "no .json files in this directory"
            for name in found:
                yield name, _not_regular(name)
        elif os.path.lexists(path):
            yield path, _not_regular(path)
        else:
            yield path, "no such file or directory"


def _not_regular(path: str) -> Optional[str]:
    """The problem of a path that is not a regular file (a FIFO would block reading), else ``None``."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # a broken link or an unreadable entry: reading it reports why
    return None if stat.S_ISREG(mode) else "not a regular file"


def _printable(text: str) -> str:
    """``text`` with control and other unprintable characters escaped, for a terminal."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else char.encode("unicode_escape", "backslashreplace").decode("ascii") for char in text)


def _read_payload(path: str) -> Tuple[Any, Optional[str]]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        return None, f"cannot read the file ({error.strerror or error})"
    if not raw.strip():
        return None, "the file is empty"
    try:
        return json.loads(raw), None
    except RecursionError:
        return None, "not JSON this tool can read (nested too deeply)"
    except UnicodeDecodeError:
        return None, "not JSON (the file is not text)"
    except ValueError as error:
        return None, f"not JSON ({error})"


def check_file(path: str, model: Optional[Type[BaseModel]] = None, roundtrip: bool = False) -> FileResult:
    """Check one payload file.

    Args:
        path: the JSON file.
        model: the model class to use; detected from the payload when ``None``.
        roundtrip: also check that ``to_dict(from_dict(payload))`` equals the payload.

    Returns:
        The result; never raises for a bad file.
    """
    from qiskit_models.compare import payload_differences
    from qiskit_models.kinds import detect_model
    from qiskit_models.validation.exceptions import ModelValidationError, format_path

    result = FileResult(path)
    payload, result.problem = _read_payload(path)
    if result.problem is not None:
        return result
    chosen = model or detect_model(payload)
    if chosen is None:
        result.problem = "not a payload of a known kind (use --model NAME)"
        return result
    result.model = chosen.__name__
    try:
        loaded = chosen.from_dict(payload)
    except ModelValidationError as error:
        result.errors = [(format_path(where), message) for where, message in error.errors()]
        return result
    if roundtrip:
        try:
            dumped = loaded.to_dict()
        except ModelValidationError as error:
            result.errors = [(format_path(where), f"cannot be written back: {message}") for where, message in error.errors()]
            return result
        result.roundtrip = payload_differences(payload, dumped)
    return result


def _print_text(result: FileResult, out: TextIO) -> None:
    model = f" ({result.model})" if result.model else ""
    path = _printable(result.path)
    if result.ok:
        out.write(f"ok      {path}{model}\n")
        return
    if result.problem is not None:
        out.write(f"FAILED  {path}: {_printable(result.problem)}\n")
        return
    out.write(f"FAILED  {path}{model}\n")
    for where, message in result.errors:
        out.write(f"          {_printable(where)}: {_printable(message)}\n")
    for difference in result.roundtrip:
        out.write(f"          round trip: {_printable(difference)}\n")


def resolve_model(name: str) -> Type[BaseModel]:
    """Find the model class a command-line ``MODEL`` names.

    Args:
        name: a model class name or kind (``JobStatus``, ``job_status``, any
            case), or ``package.module:ClassName`` for any bound model (the
            current directory is searched for the module too).

    Returns:
        The model class.

    Raises:
        LookupError: no such model; the message says why.
    """
    from qiskit_models.kinds import find_model, model_names
    from qiskit_models.validation.base import BaseModel

    if ":" not in name:
        model = find_model(name)
        if model is None:
            raise LookupError(f"unknown model {name!r}; known: {', '.join(model_names())} (or package.module:ClassName)")
        return model
    import importlib

    from qiskit_models.validation._binding import BINDING_ATTRIBUTE

    module_name, _, attribute = name.partition(":")
    if not all(module_name.split(".")) or not all(attribute.split(".")):
        raise LookupError(f"{name!r} is not of the form package.module:ClassName")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        found: Any = importlib.import_module(module_name)
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # noqa: BLE001 - whatever the plugin's module raises while importing
        raise LookupError(f"cannot import {module_name!r} ({_describe(error)})") from None
    for part in attribute.split("."):
        try:
            found = getattr(found, part)
        except AttributeError:
            raise LookupError(f"{module_name!r} has no {attribute!r}") from None
    if not (isinstance(found, type) and issubclass(found, BaseModel)):
        raise LookupError(f"{name!r} is not a model class")
    if getattr(found, BINDING_ATTRIBUTE, None) is None:
        raise LookupError(f"{name!r} is not bound to a schema (decorate it with @bind_schema)")
    return found


def _describe(error: BaseException) -> str:
    """One line saying what an exception is, even when its ``str`` fails or spans lines."""
    try:
        text = str(error)
    except Exception:  # noqa: BLE001 - a broken __str__ of somebody else's exception
        text = ""
    if not isinstance(error, ImportError):
        text = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return _printable(text)


def _check_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    model = None
    if args.model is not None:
        try:
            model = resolve_model(args.model)
        except LookupError as error:
            err.write(f"qiskit-models: {error}\n")
            return EXIT_USAGE
    started = time.perf_counter()
    files = list(_iter_files(args.paths))
    show_progress = args.format == "text" and len(files) > PROGRESS_THRESHOLD and err.isatty()
    results = []
    for number, (path, problem) in enumerate(files, 1):
        if show_progress:
            err.write(f"\r[{number}/{len(files)}] {_printable(path)[-60:]:<60}")
            err.flush()
        result = FileResult(path, problem=problem) if problem else check_file(path, model, args.roundtrip)
        results.append(result)
        if args.format == "text" and not (args.quiet and result.ok):
            if show_progress:
                err.write("\r" + " " * 72 + "\r")
            _print_text(result, out)
    if show_progress:
        err.write("\r" + " " * 72 + "\r")
    seconds = time.perf_counter() - started
    passed = sum(1 for result in results if result.ok)
    failed = len(results) - passed
    if args.format == "json":
        summary = {"files": len(results), "passed": passed, "failed": failed, "seconds": round(seconds, 3)}
        shown = [result.as_json() for result in results if not (args.quiet and result.ok)]
        json.dump({"results": shown, "summary": summary}, out, indent=2)
        out.write("\n")
    elif not args.quiet:
        noun = "file" if len(results) == 1 else "files"
        out.write(f"{len(results)} {noun}: {passed} passed, {failed} failed ({seconds:.2f} s)\n")
    return EXIT_OK if failed == 0 and results else EXIT_FAILED


def _schema_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from qiskit_models.jsonschema import ExtraNotInstalledError, model_json_schema

    try:
        model = resolve_model(args.model)
    except LookupError as error:
        err.write(f"qiskit-models: {error}\n")
        return EXIT_USAGE
    try:
        schema = model_json_schema(model)
    except ExtraNotInstalledError as error:
        err.write(f"qiskit-models: {error}\n")
        return EXIT_USAGE
    json.dump(schema, out, indent=args.indent if args.indent > 0 else None, ensure_ascii=False)
    out.write("\n")
    return EXIT_OK


def _migrate_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from qiskit_models.migrate import run

    return run(args.paths, write=args.write, out=out, err=err)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the ``qiskit-models`` command."""
    parser = argparse.ArgumentParser(
        prog="qiskit-models",
        description="Validate Qiskit provider payloads (job and backend status, properties, ...), print "
        "models' JSON Schemas and migrate code from qiskit.validation / qiskit.providers.models.",
    )
    from qiskit_models import __version__

    parser.add_argument("--version", action="version", version=f"qiskit-models {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    check = commands.add_parser(
        "check",
        help="load JSON payload files and report every error",
        description="Load every JSON payload in PATH (files, or directories walked for *.json) "
        "with the model of its kind and report ok or every error with its field path. "
        "Exit status: 0 if every file passed, 1 if any failed, 2 for a usage error.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="a JSON file or a directory")
    check.add_argument(
        "--model",
        metavar="MODEL",
        help="load every file with this model (a name, a kind or package.module:ClassName) instead of detecting it",
    )
    check.add_argument(
        "--roundtrip", action="store_true", help="also check that to_dict(from_dict(payload)) equals the payload"
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.add_argument("--quiet", "-q", action="store_true", help="print failures only")
    check.set_defaults(handler=_check_command)
    schema = commands.add_parser(
        "schema",
        help="print a model's JSON Schema (draft 2020-12)",
        description="Print the JSON Schema (draft 2020-12) of MODEL: a model name or kind (JobStatus, job_status) "
        "or package.module:ClassName. Needs the jsonschema extra: pip install 'qiskit-models[jsonschema]'. "
        "Exit status: 0, or 2 for an unknown model or a missing extra.",
    )
    schema.add_argument("model", metavar="MODEL", help="the model")
    schema.add_argument("--indent", type=int, default=2, help="indentation, 0 for one line (default: 2)")
    schema.set_defaults(handler=_schema_command)
    migrate = commands.add_parser(
        "migrate",
        help="rewrite legacy qiskit.validation / qiskit.providers.models imports",
        description="Rewrite the imports of qiskit.validation and qiskit.providers.models in the Python files "
        "under PATH to qiskit-models. Without --write, print the changes as a unified diff. Nothing but those "
        "imports is changed; imports that cannot be rewritten safely are reported on standard error. "
        "Exit status: 0 when no legacy import is left to change, 1 when a dry run found changes or something "
        "needs changing by hand, 2 for a usage error.",
    )
    migrate.add_argument("paths", nargs="+", metavar="PATH", help="a Python file or a directory (walked for *.py)")
    migrate.add_argument("--write", action="store_true", help="apply the changes instead of printing them")
    migrate.set_defaults(handler=_migrate_command)
    return parser


def main(argv: Optional[Sequence[str]] = None, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    """Run the ``qiskit-models`` command.

    Args:
        argv: the arguments (default: ``sys.argv[1:]``).
        out: where results go (default: standard output).
        err: where progress and usage errors go (default: standard error).

    Returns:
        The exit status.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    for stream in (out, err):
        # a file name or a payload string the terminal cannot encode is escaped, never a traceback
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - a stream that cannot change now
                pass
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return int(args.handler(args, out, err))
    except KeyboardInterrupt:
        err.write("qiskit-models: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
