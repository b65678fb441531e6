"""Rewrite legacy Qiskit model imports to qiskit-models (``qiskit-models migrate``).

Only import statements change, and in them only the word ``qiskit`` that
starts a legacy module name, which becomes ``qiskit_models``::

    import qiskit.validation.fields as f              ->  import qiskit_models.validation.fields as f
    from qiskit.validation import BaseModel            ->  from qiskit_models.validation import BaseModel
    from qiskit.providers.models import JobStatus      ->  from qiskit_models.providers.models import JobStatus
    from qiskit import validation                      ->  from qiskit_models import validation

Comments, strings, spacing, line endings and every other byte stay as they
are.  An import is rewritten only when the result works: the module exists in
qiskit-models and has every imported name.  Anything else is left unchanged
and reported with its line, to change by hand:

* ``import qiskit.validation`` without ``as`` (the code then says
  ``qiskit.validation.X``, which is not an import);
* ``qiskit.validation.jsonschema``, which has no counterpart (it validated
  files against Qiskit's own JSON schemas; see the migration guide);
* names or modules that qiskit-models does not have;
* ``from qiskit import validation, QuantumCircuit`` (the statement would
  have to be split).

Exit statuses of :func:`run` (and of the command): 0 when no legacy import is
left to change (a dry run found nothing, or ``--write`` rewrote everything);
1 when a dry run found imports to rewrite, when something must be changed by
hand, or when a file could not be read or parsed; 2 when a path does not exist.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import io
import os
import re
import tokenize
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Sequence, Set, TextIO, Tuple

__all__ = [
    "FileMigration",
    "LEGACY_PACKAGES",
    "Note",
    "SourceMigration",
    "diff_bytes",
    "migrate_file",
    "migrate_source",
    "python_files",
    "run",
]

#: The legacy packages and what replaces them.
LEGACY_PACKAGES: Dict[str, str] = {
    "qiskit.validation": "qiskit_models.validation",
    "qiskit.providers.models": "qiskit_models.providers.models",
}

_JSONSCHEMA = "qiskit.validation.jsonschema"
_JSONSCHEMA_NOTE = (
    "qiskit.validation.jsonschema (validation against Qiskit's own JSON schema files) has no counterpart "
    "in qiskit-models: load payloads with Model.from_dict, or export a model's schema with "
    "qiskit_models.jsonschema.model_json_schema and validate with the jsonschema package"
)
#: ``from PARENT import NAME`` forms that import a legacy package.
_PARENT_IMPORTS = {"qiskit": "validation", "qiskit.providers": "models"}
_SKIPPED_DIRECTORIES = frozenset({"__pycache__", "site-packages", "node_modules"})
_SUFFIXES = (".py", ".pyi")


@dataclass(frozen=True)
class Note:
    """An import that was left unchanged and needs a change by hand.

    Attributes:
        line: the line of the statement (1-based).
        column: the column of the statement (0-based).
        message: what to do.
    """

    line: int
    column: int
    message: str


@dataclass
class SourceMigration:
    """The result of migrating one source text.

    Attributes:
        text: the new text (the same text when nothing changed).
        rewritten: how many import statements were rewritten.
        notes: the imports left unchanged, to change by hand.
    """

    text: str
    rewritten: int = 0
    notes: List[Note] = field(default_factory=list)


def _legacy_package(module: str) -> Optional[str]:
    for legacy in LEGACY_PACKAGES:
        if module == legacy or module.startswith(legacy + "."):
            return legacy
    return None


def _target(module: str) -> str:
    return "qiskit_models" + module[len("qiskit") :]


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _has_name(module: str, name: str) -> bool:
    try:
        loaded = importlib.import_module(module)
    except ImportError:
        return False
    return hasattr(loaded, name) or _module_exists(f"{module}.{name}")


class _Statement:
    """The significant tokens of one simple statement."""

    def __init__(self, tokens: List[tokenize.TokenInfo]) -> None:
        self.tokens = tokens
        self.position = 0

    def peek(self) -> Optional[tokenize.TokenInfo]:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, text: Optional[str] = None, kind: Optional[int] = None) -> Optional[tokenize.TokenInfo]:
        token = self.peek()
        if token is None or (text is not None and token.string != text) or (kind is not None and token.type != kind):
            return None
        self.position += 1
        return token

    def dotted(self) -> Optional[Tuple[str, tokenize.TokenInfo]]:
        first = self.take(kind=tokenize.NAME)
        if first is None:
            return None
        parts = [first.string]
        while self.take("."):
            part = self.take(kind=tokenize.NAME)
            if part is None:
                return None
            parts.append(part.string)
        return ".".join(parts), first

    def alias(self) -> Optional[str]:
        if self.take("as"):
            name = self.take(kind=tokenize.NAME)
            return name.string if name else None
        return None


def _import_statement(statement: _Statement) -> Iterator[Tuple[str, tokenize.TokenInfo, Optional[str]]]:
    """Yield ``(module, first token, alias)`` of ``import a.b as c, d``."""
    while True:
        dotted = statement.dotted()
        if dotted is None:
            return
        yield dotted[0], dotted[1], statement.alias()
        if not statement.take(","):
            return


def _from_statement(statement: _Statement) -> Optional[Tuple[str, tokenize.TokenInfo, List[str]]]:
    """Return ``(module, first token, names)`` of ``from a.b import c, d`` (``["*"]`` for a star)."""
    following = statement.peek()
    if following is not None and following.string in (".", "..."):
        return None  # a relative import
    dotted = statement.dotted()
    if dotted is None or not statement.take("import"):
        return None
    if statement.take("*"):
        return dotted[0], dotted[1], ["*"]
    statement.take("(")
    names: List[str] = []
    while True:
        name = statement.take(kind=tokenize.NAME)
        if name is None:
            break
        names.append(name.string)
        statement.alias()
        if not statement.take(","):
            break
    return (dotted[0], dotted[1], names) if names else None


def _check_from(module: str, names: Sequence[str]) -> Optional[str]:
    """Return why ``from <legacy module> import names`` cannot be rewritten, or ``None``."""
    if module == _JSONSCHEMA or module.startswith(_JSONSCHEMA + ".") or (
        module == "qiskit.validation" and "jsonschema" in names
    ):
        return _JSONSCHEMA_NOTE
    target = _target(module)
    if not _module_exists(target):
        return f"{module} has no counterpart: qiskit-models has no module {target}"
    missing = [name for name in names if name != "*" and not _has_name(target, name)]
    if missing:
        return f"{target} has no {', '.join(missing)}"
    return None


def _check_import(module: str, alias: Optional[str]) -> Optional[str]:
    """Return why ``import <legacy module> [as alias]`` cannot be rewritten, or ``None``."""
    if module == _JSONSCHEMA or module.startswith(_JSONSCHEMA + "."):
        return _JSONSCHEMA_NOTE
    if alias is None:
        return (
            f"'import {module}' binds the name 'qiskit' and the code then uses '{module}...': "
            f"change the import and those uses by hand, for example to 'import {_target(module)} as ...'"
        )
    if not _module_exists(_target(module)):
        return f"{module} has no counterpart: qiskit-models has no module {_target(module)}"
    return None


def _statements(text: str) -> Iterator[_Statement]:
    """Yield the import statements of a source text (raises ``SyntaxError``/``tokenize.TokenError``)."""
    current: Optional[List[tokenize.TokenInfo]] = None
    previous: Optional[tokenize.TokenInfo] = None
    depth = 0
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type in (tokenize.COMMENT, tokenize.NL):
            continue
        if current is not None:
            if token.type == tokenize.OP and token.string in "([{":
                depth += 1
            elif token.type == tokenize.OP and token.string in ")]}":
                depth -= 1
            if depth <= 0 and (token.type in (tokenize.NEWLINE, tokenize.ENDMARKER) or token.string == ";"):
                yield _Statement(current)
                current, depth = None, 0
            else:
                current.append(token)
        elif token.type == tokenize.NAME and token.string in ("import", "from") and (
            previous is None
            or previous.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING)
            or (previous.type == tokenize.OP and previous.string in (";", ":"))
        ):
            current = [token]
        previous = token
    if current:
        yield _Statement(current)


def migrate_source(text: str) -> SourceMigration:
    """Rewrite the legacy imports of one Python source text.

    Args:
        text: the source.

    Returns:
        The new text, how many statements changed and the notes.

    Raises:
        SyntaxError: the text is not Python that the tokenizer can read.
        tokenize.TokenError: the text ends inside a statement.
    """
    edits: List[Tuple[int, int]] = []
    notes: List[Note] = []
    rewritten = 0
    for statement in _statements(text):
        keyword = statement.take()
        assert keyword is not None
        where = keyword.start
        if keyword.string == "import":
            found = [item for item in _import_statement(statement) if _legacy_package(item[0])]
            problems = [_check_import(module, alias) for module, _, alias in found]
            for problem in problems:
                if problem:
                    notes.append(Note(where[0], where[1], problem))
            good = [item[1].start for item, problem in zip(found, problems) if problem is None]
            if good:
                edits.extend(good)
                rewritten += 1
            continue
        parsed = _from_statement(statement)
        if parsed is None:
            continue
        module, first, names = parsed
        if _legacy_package(module):
            problem = _check_from(module, names)
        elif module in _PARENT_IMPORTS and _PARENT_IMPORTS[module] in names:
            package = _PARENT_IMPORTS[module]
            problem = None
            if names != [package]:
                others = ", ".join(name for name in names if name != package)
                problem = f"'from {module} import' takes {package} together with {others}: split the import by hand"
        else:
            continue
        if problem:
            notes.append(Note(where[0], where[1], problem))
        else:
            edits.append(first.start)
            rewritten += 1
    return SourceMigration(_apply(text, edits), rewritten, notes)


def _apply(text: str, edits: Sequence[Tuple[int, int]]) -> str:
    """Replace the ``qiskit`` token at each ``(line, column)`` by ``qiskit_models``."""
    if not edits:
        return text
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    result = text
    for line, column in sorted(edits, reverse=True):
        offset = starts[line - 1] + column
        assert result[offset : offset + 6] == "qiskit"
        result = result[:offset] + "qiskit_models" + result[offset + 6 :]
    return result


@dataclass
class FileMigration:
    """The result of migrating one file.

    Attributes:
        path: the file.
        original: its text, or ``None`` if it could not be read.
        result: the migration of the text, or ``None``.
        problem: why the file could not be read or parsed.
    """

    path: str
    original: Optional[str] = None
    result: Optional[SourceMigration] = None
    problem: Optional[str] = None
    encoding: str = "utf-8"

    @property
    def changed(self) -> bool:
        """Whether the file has imports to rewrite."""
        return self.result is not None and self.result.text != self.original

    def diff(self) -> str:
        """Return the changes as a unified diff (``a/PATH``, ``b/PATH``), empty if none.

        ``PATH`` is relative to the current directory, so that ``git apply`` and
        ``patch -p1`` find the file.  The lines are the file's bytes decoded as
        UTF-8 with ``surrogateescape`` (a byte-order mark included): written
        with :func:`diff_bytes`, the diff applies to files in any encoding.
        """
        if not self.changed:
            return ""
        assert self.original is not None and self.result is not None
        before, after = (_as_bytes_text(text, self.encoding) for text in (self.original, self.result.text))
        name = _relative(self.path)
        lines = difflib.unified_diff(_lines(before), _lines(after), _header_name("a/", name), _header_name("b/", name))
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def diff_bytes(diff: str) -> bytes:
    """The bytes of a diff made by :meth:`FileMigration.diff`, as the files hold them."""
    return diff.encode("utf-8", "surrogateescape")


def _as_bytes_text(text: str, encoding: str) -> str:
    """``text`` as the file stores it, decoded byte for byte (UTF-8, other bytes escaped)."""
    return text.encode(encoding).decode("utf-8", "surrogateescape")


def _header_name(prefix: str, name: str) -> str:
    """A file name for a diff header, written as git writes it.

    A name with a tab, a newline, a quote, a backslash or another unprintable
    character is quoted C-style (``"a/x\\ty.py"``); a name with spaces ends
    with a tab, so that ``patch`` reads it whole.
    """
    path = prefix + name
    if any(char in '\t\n"\\' or not char.isprintable() for char in path):
        escapes = {"\t": "\\t", "\n": "\\n", '"': '\\"', "\\": "\\\\"}
        quoted = "".join(escapes.get(char, char) if char.isprintable() or char in escapes else _octal(char) for char in path)
        return f'"{quoted}"'
    return path + "\t" if " " in path else path


def _octal(char: str) -> str:
    return "".join(f"\\{byte:03o}" for byte in char.encode("utf-8", "surrogateescape"))


def _relative(path: str) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return path
    return relative.replace(os.sep, "/")


def _lines(text: str) -> List[str]:
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def migrate_file(path: str, write: bool = False) -> FileMigration:
    """Migrate one Python file, keeping its encoding, BOM and line endings.

    Args:
        path: the file.
        write: write the new text back when it changed.

    Returns:
        The result; never raises for a bad file.
    """
    migration = FileMigration(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        migration.original = data.decode(encoding)
        migration.encoding = encoding
    except (OSError, SyntaxError, UnicodeDecodeError, LookupError) as error:
        migration.problem = f"cannot read the file ({error})"
        return migration
    try:
        migration.result = migrate_source(migration.original)
    except (SyntaxError, tokenize.TokenError) as error:
        migration.problem = f"not Python the tokenizer can read ({error})"
        return migration
    if write and migration.changed:
        try:
            with open(path, "wb") as handle:
                handle.write(migration.result.text.encode(encoding))
        except OSError as error:
            migration.problem = f"cannot write the file ({error.strerror or error})"
    return migration


def _is_virtualenv(directory: str) -> bool:
    return os.path.exists(os.path.join(directory, "pyvenv.cfg"))


def python_files(paths: Sequence[str]) -> Iterator[str]:
    """Yield the files to migrate: the files named, and ``*.py``/``*.pyi`` under the directories named.

    Directories whose names start with ``.``, ``__pycache__``, ``site-packages``,
    ``node_modules`` and virtual environments are not entered; symbolic links
    to directories are not followed.

    Args:
        paths: files and directories.

    Yields:
        File paths, directories walked in sorted order.
    """
    seen: Set[str] = set()
    for path in _walk(paths):
        real = os.path.realpath(path)
        if real not in seen:  # a file named twice, or under two of the paths, once
            seen.add(real)
            yield path


def _walk(paths: Sequence[str]) -> Iterator[str]:
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        for root, directories, files in os.walk(path):
            directories[:] = sorted(
                name
                for name in directories
                if not name.startswith(".")
                and name not in _SKIPPED_DIRECTORIES
                and not _is_virtualenv(os.path.join(root, name))
            )
            for name in sorted(files):
                if name.endswith(_SUFFIXES):
                    yield os.path.join(root, name)


def _write_diff(diff: str, out: TextIO) -> None:
    """Write a diff with the files' own bytes when ``out`` is a byte stream underneath."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(diff.encode("utf-8", "backslashreplace").decode("utf-8"))
        return
    out.flush()
    buffer.write(diff_bytes(diff))
    buffer.flush()


def run(paths: Sequence[str], write: bool, out: TextIO, err: TextIO) -> int:
    """Migrate files and report, as the ``qiskit-models migrate`` command does.

    The diff of a dry run goes to ``out``; notes (``PATH:LINE:COLUMN: message``),
    unreadable files and the summary go to ``err``.

    Args:
        paths: files and directories.
        write: apply the changes instead of printing them.
        out: where the diff goes.
        err: where notes and the summary go.

    Returns:
        The exit status (see the module documentation).
    """
    missing = [path for path in paths if not os.path.exists(path)]
    if missing:
        err.write(f"qiskit-models: no such file or directory: {', '.join(missing)}\n")
        return 2
    files = changed = statements = notes = problems = 0
    for path in python_files(paths):
        files += 1
        migration = migrate_file(path, write=write)
        if migration.problem is not None:
            problems += 1
            err.write(f"{path}: {migration.problem}\n")
        if migration.result is None:
            continue
        if migration.changed:
            changed += 1
            statements += migration.result.rewritten
            if not write:
                _write_diff(migration.diff(), out)
        for note in migration.result.notes:
            notes += 1
            err.write(f"{path}:{note.line}:{note.column}: left unchanged: {note.message}\n")
    verb = "rewritten" if write else "to rewrite"
    err.write(
        f"{files} files checked: {changed} {verb} ({statements} imports), "
        f"{notes} imports to change by hand, {problems} files not read\n"
    )
    left = notes or problems or (changed and not write)
    return 1 if left else 0
