"""Sphinx extension of the qiskit-models documentation: pages generated from the code.

Directives:

``.. qiskit-models-rules::``
    The table of every validation rule of every model (:mod:`qiskit_models_rules`).
``.. qiskit-models-legacy-imports::``
    The legacy modules and names, and where each one is in qiskit-models now
    (or that it is not), checked against the installed package at build time.
``.. qiskit-models-api::``
    An ``automodule`` for every public module of the package, so that a new
    module is in the API reference without anyone adding it.

And a check: every name in the ``__all__`` of every public module must be
documented somewhere in the reference; a missing one is a warning (an error
with ``-W``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any, Dict, Iterator, List, Sequence

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

from qiskit_models_legacy import legacy_import_rows
from qiskit_models_rules import Rule, collect_rules

logger = logging.getLogger(__name__)

def _list_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: str) -> List[str]:
    lines = [".. list-table::", "   :header-rows: 1", f"   :widths: {widths}", ""]
    for row in [list(header), *rows]:
        for index, cell in enumerate(row):
            text = cell if cell else "\\-"
            lines.append(("   * - " if index == 0 else "     - ") + text)
    lines.append("")
    return lines


def _parse(directive: SphinxDirective, lines: List[str]) -> List[nodes.Node]:
    container = nodes.section()
    container.document = directive.state.document
    nested_parse_with_titles(directive.state, StringList(lines, source="<generated>"), container)
    return list(container.children)


class RulesDirective(SphinxDirective):
    """``.. qiskit-models-rules::``: one section and table per model or nested schema."""

    def run(self) -> List[nodes.Node]:
        by_owner: Dict[str, List[Rule]] = {}
        for rule in collect_rules():
            by_owner.setdefault(rule.owner, []).append(rule)
        lines: List[str] = []
        for owner, rules in by_owner.items():
            lines += [owner, "-" * len(owner), "", f"Schema ``{rules[0].schema}``. Unknown keys are kept.", ""]
            rows = [
                [
                    f"``{rule.field}``",
                    rule.kind,
                    "yes" if rule.required else "no",
                    "yes" if rule.nullable else "no",
                    "; ".join(rule.checks),
                    rule.why,
                ]
                for rule in rules
            ]
            lines += _list_table(["Field", "Type", "Required", "Null", "Checks", "Why"], rows, "14 18 8 6 22 32")
        return _parse(self, lines)


class LegacyImportsDirective(SphinxDirective):
    """``.. qiskit-models-legacy-imports::``: the import table."""

    def run(self) -> List[nodes.Node]:
        rows = []
        for module, target, missing in legacy_import_rows():
            rows.append(
                [
                    f"``{module}``",
                    f"``{target}``" if target else "none (see below)" if "jsonschema" in module else "not available",
                    ", ".join(f"``{name}``" for name in missing),
                ]
            )
        return _parse(self, _list_table(["Before", "After", "Names it does not have"], rows, "35 35 30"))


def public_modules() -> Iterator[str]:
    """Yield the public module names of the package (no component starts with ``_``)."""
    import qiskit_models

    yield "qiskit_models"
    for info in pkgutil.walk_packages(qiskit_models.__path__, "qiskit_models."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield info.name


def owners() -> Dict[int, str]:
    """Map each public object (by ``id``) to the one module that documents it.

    A class or function belongs to the module that defines it when that module
    is public and exports it; anything else (constants, names defined in
    private modules) to the most specific public module that exports it.
    """
    modules = {name: importlib.import_module(name) for name in public_modules()}
    found: Dict[int, str] = {}
    for name in sorted(modules, key=lambda module: (-module.count("."), module)):
        for member in getattr(modules[name], "__all__", ()):
            value = getattr(modules[name], member)
            if inspect.ismodule(value) or member.startswith("__"):
                continue
            defined_in = getattr(value, "__module__", None) if (inspect.isclass(value) or inspect.isfunction(value)) else None
            if defined_in in modules and member in getattr(modules[defined_in], "__all__", ()):
                found[id(value)] = defined_in
            else:
                found.setdefault(id(value), name)
    return found


class ApiDirective(SphinxDirective):
    """``.. qiskit-models-api::``: an ``automodule`` per public module, each object documented once."""

    def run(self) -> List[nodes.Node]:
        owner = owners()
        lines: List[str] = []
        for name in sorted(public_modules()):
            module = importlib.import_module(name)
            elsewhere = [
                member
                for member in getattr(module, "__all__", ())
                if inspect.ismodule(getattr(module, member)) or owner.get(id(getattr(module, member)), name) != name
            ]
            lines += [f"``{name}``", "-" * (len(name) + 4), "", f".. automodule:: {name}"]
            if elsewhere:
                lines.append(f"   :exclude-members: {', '.join(elsewhere)}")
            lines.append("")
            if elsewhere:
                lines += [
                    "Also exports "
                    + ", ".join(f":py:obj:`~{owner.get(id(getattr(module, member)), member)}.{member}`"
                                if not inspect.ismodule(getattr(module, member)) else f"``{member}``"
                                for member in elsewhere)
                    + ".",
                    "",
                ]
            if name == "qiskit_models":
                lines += [".. py:data:: __version__", "", "   The version of the package.", ""]
        return _parse(self, lines)


def _resolve(fullname: str) -> Any:
    parts = fullname.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for part in parts[cut:]:
                found = getattr(found, part)
        except AttributeError:
            return None
        return found
    return None


def check_api_coverage(app: Sphinx, env: Any) -> None:
    """Warn about every public name (``__all__``) that no page of the reference documents."""
    documented = set()
    for fullname in env.get_domain("py").objects:
        found = _resolve(fullname)
        if found is not None:
            documented.add(id(found))
    for module_name in public_modules():
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if inspect.ismodule(value) or id(value) in documented:
                continue
            logger.warning("%s.%s is public (in __all__) but not in the API reference", module_name, name)


def setup(app: Sphinx) -> Dict[str, Any]:
    """Register the directives and the check."""
    app.add_directive("qiskit-models-rules", RulesDirective)
    app.add_directive("qiskit-models-legacy-imports", LegacyImportsDirective)
    app.add_directive("qiskit-models-api", ApiDirective)
    app.connect("env-check-consistency", check_api_coverage)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
