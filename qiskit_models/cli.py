"""The ``qiskit-models`` command line.

``qiskit-models check PATH...`` loads every JSON payload it finds with the model
of its kind and reports, per file, ``ok`` or every error with its field path.

Exit status: 0 when every file passed, 1 when at least one file failed (not
valid, not readable, not JSON, not a known kind, or a round trip that changed
it), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Iterator, List, Optional, Sequence, TextIO, Tuple, Type

__all__ = ["FileResult", "check_file", "main"]

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

    def as_json(self) -> dict:
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
            found = []
            for root, dirs, files in os.walk(path, onerror=None):
                dirs.sort()
                found.extend(os.path.join(root, name) for name in sorted(files) if name.lower().endswith(".json"))
            if not found:
                yield path, "no .json files in this directory"
            for name in found:
                yield name, None
        elif os.path.exists(path):
            yield path, None
        else:
            yield path, "no such file or directory"


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


def check_file(path: str, model: Optional[Type[Any]] = None, roundtrip: bool = False) -> FileResult:
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
    if result.ok:
        out.write(f"ok      {result.path}{model}\n")
        return
    if result.problem is not None:
        out.write(f"FAILED  {result.path}: {result.problem}\n")
        return
    out.write(f"FAILED  {result.path}{model}\n")
    for where, message in result.errors:
        out.write(f"          {where}: {message}\n")
    for difference in result.roundtrip:
        out.write(f"          round trip: {difference}\n")


def _check_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from qiskit_models.kinds import find_model, model_names

    model = None
    if args.model:
        model = find_model(args.model)
        if model is None:
            err.write(f"qiskit-models: unknown model {args.model!r}; known: {', '.join(model_names())}\n")
            return EXIT_USAGE
    started = time.perf_counter()
    files = list(_iter_files(args.paths))
    show_progress = args.format == "text" and len(files) > PROGRESS_THRESHOLD and err.isatty()
    results = []
    for number, (path, problem) in enumerate(files, 1):
        if show_progress:
            err.write(f"\r[{number}/{len(files)}] {path[-60:]:<60}")
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
        json.dump({"results": [result.as_json() for result in results], "summary": summary}, out, indent=2)
        out.write("\n")
    elif not args.quiet:
        out.write(f"{len(results)} files: {passed} passed, {failed} failed ({seconds:.2f} s)\n")
    return EXIT_OK if failed == 0 and results else EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the ``qiskit-models`` command."""
    parser = argparse.ArgumentParser(
        prog="qiskit-models",
        description="Validate Qiskit provider payloads (job and backend status, properties, ...).",
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
    check.add_argument("--model", metavar="NAME", help="load every file with this model instead of detecting it")
    check.add_argument(
        "--roundtrip", action="store_true", help="also check that to_dict(from_dict(payload)) equals the payload"
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.add_argument("--quiet", "-q", action="store_true", help="print failures only")
    check.set_defaults(handler=_check_command)
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
