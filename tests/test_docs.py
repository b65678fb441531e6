"""The generated documentation tells the truth: rules, import table, public modules, README."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path

import pytest
from marshmallow import fields as ma_fields, validate as ma_validate

import qiskit_models
from conftest import corpus_files_of, load_json
from hostile import MODELS, sample
from qiskit_models.kinds import KINDS
from qiskit_models.migrate import migrate_source
from qiskit_models.validation import ModelValidationError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

from qiskit_models_rules import WHY, collect_rules, describe_validator, schema_owners  # noqa: E402

RULES = collect_rules()


def test_every_model_of_every_kind_has_rules():
    owners = {rule.owner for rule in RULES}
    assert {model.__name__ for _, model in KINDS} <= owners


def test_every_hand_written_reason_belongs_to_a_rule():
    assert set(WHY) - {rule.key for rule in RULES} == set()


def _schemas():
    return {owner: schema for owner, schema in schema_owners([model for _, model in KINDS])}


@pytest.mark.parametrize("rule", RULES, ids=[rule.key for rule in RULES])
def test_each_listed_rule_exists_in_the_schema(rule):
    schema = _schemas()[rule.owner]
    fields_by_key = {field.data_key or name: field for name, field in schema.fields.items()}
    field = fields_by_key[rule.field]
    assert type(schema).__name__ == rule.schema
    assert bool(field.required) is rule.required
    assert bool(field.allow_none) is rule.nullable
    own = [describe_validator(validator) for validator in field.validators]
    assert list(rule.checks[: len(own)]) == own


def _valid_payload(model):
    for path in corpus_files_of(model):
        payload = load_json(path)
        try:
            model.from_dict(payload)
        except Exception:  # noqa: BLE001 - legacy-shaped files
            continue
        return payload
    raise AssertionError(f"no valid corpus payload for {model.__name__}")


def _rejected(model, payload, key):
    try:
        model.from_dict(payload)
    except ModelValidationError as error:
        return any(path[:1] == (key,) for path, _ in error.errors())
    return False


TOP_LEVEL = [(model, rule) for _, model in KINDS for rule in RULES if rule.owner == model.__name__]


@pytest.mark.parametrize("model,rule", TOP_LEVEL, ids=[rule.key for _, rule in TOP_LEVEL])
def test_each_top_level_rule_is_enforced(model, rule):
    base = _valid_payload(model)
    field = {f.data_key or n: f for n, f in model.schema.fields.items()}[rule.field]
    if rule.required:
        assert _rejected(model, {k: v for k, v in base.items() if k != rule.field}, rule.field)
    if not rule.nullable:
        assert _rejected(model, {**base, rule.field: None}, rule.field)
    for validator in field.validators:
        if isinstance(validator, ma_validate.OneOf):
            assert _rejected(model, {**base, rule.field: "__not_one_of_the_choices__"}, rule.field)
        elif isinstance(validator, ma_validate.Range) and validator.min is not None:
            assert _rejected(model, {**base, rule.field: validator.min - 1}, rule.field)
        elif isinstance(validator, ma_validate.Regexp):
            assert _rejected(model, {**base, rule.field: "!"}, rule.field)


def test_the_legacy_import_table_agrees_with_migrate():
    from qiskit_models_legacy import LEGACY_NAMES, legacy_import_rows

    rows = legacy_import_rows()
    assert any(target == "qiskit_models.validation" and missing == [] for _, target, missing in rows)
    for module, target, missing in rows:
        names = [name for name in LEGACY_NAMES[module] if name not in missing]
        if not target:
            result = migrate_source(f"from {module} import {', '.join(missing)}\n")
            assert result.rewritten == 0 and result.notes, module
            continue
        if names:
            result = migrate_source(f"from {module} import {', '.join(names)}\n")
            assert result.text == f"from qiskit_{module.replace('qiskit.', 'models.', 1)} import {', '.join(names)}\n"
        for name in missing:
            assert migrate_source(f"from {module} import {name}\n").notes, (module, name)


def _public_modules():
    yield "qiskit_models"
    for info in pkgutil.walk_packages(qiskit_models.__path__, "qiskit_models."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield info.name


@pytest.mark.parametrize("name", sorted(_public_modules()))
def test_every_public_module_says_what_it_exports_and_documents_it(name):
    module = importlib.import_module(name)
    assert module.__doc__, name
    assert isinstance(getattr(module, "__all__", None), list), name
    for member in module.__all__:
        value = getattr(module, member)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert getattr(value, "__doc__", None), f"{name}.{member} has no docstring"


README = (ROOT / "README.md").read_text()


def test_readme_marked_commands_are_unchanged():
    def marked(tag):
        block = README.split(f"<!-- {tag} -->", 1)[1].split(f"<!-- /{tag} -->", 1)[0]
        return [line for line in block.strip().splitlines() if not line.startswith("```")]

    assert marked("main-command") == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/qiskit-models check --roundtrip examples/valid"
    ]
    assert marked("test-command") == ["python3 -m venv .venv && .venv/bin/pip install tox && .venv/bin/tox"]


def test_readme_documents_the_commands_and_the_extra():
    for text in ("qiskit-models schema", "qiskit-models migrate", "pip install 'qiskit-models[jsonschema]'", "--write"):
        assert text in README


def _violation(validator, field):
    """A value of the right type that the validator rejects."""
    if isinstance(validator, ma_validate.Range):
        step = 1 if isinstance(field, ma_fields.Integer) else 0.5
        return validator.min - step if validator.min is not None else validator.max + step
    if isinstance(validator, ma_validate.Length):
        return [] if validator.equal is None else [0.0] * (validator.equal + 1)
    if isinstance(validator, ma_validate.OneOf):
        first = list(validator.choices)[0]
        return (not first) if isinstance(first, bool) else max(validator.choices) + 1 if isinstance(first, int) else "__not_one_of_them__"
    if isinstance(validator, ma_validate.Regexp):
        return "!"
    raise AssertionError(f"no violation known for {validator!r}")


def _levels(field):
    """``(depth, field)``: the field, its list items, their items."""
    depth = 0
    while field is not None:
        yield depth, field
        field = getattr(field, "inner", None) if isinstance(field, ma_fields.List) else None
        depth += 1


RULE_MODELS = {model.__name__: model for model in MODELS}
EVERY_RULE = [rule for rule in RULES if rule.owner in RULE_MODELS]


@pytest.mark.parametrize("rule", EVERY_RULE, ids=[rule.key for rule in EVERY_RULE])
def test_every_rule_of_every_model_is_enforced_and_met_by_real_payloads(rule):
    """Each row of the rules table, for nested models too: the corpus meets it, a breach is rejected at its key."""
    model = RULE_MODELS[rule.owner]
    payload = sample(model)
    model.from_dict(payload)  # a real payload satisfies every rule
    field = {f.data_key or n: f for n, f in model.schema.fields.items()}[rule.field]

    def rejected_at(changed, where):
        with pytest.raises(ModelValidationError) as caught:
            model.from_dict(changed)
        return any(path[: len(where)] == where for path, _ in caught.value.errors())

    if rule.required:
        assert rejected_at({k: v for k, v in payload.items() if k != rule.field}, (rule.field,))
    else:
        model.from_dict({k: v for k, v in payload.items() if k != rule.field})
    if rule.nullable:
        assert model.from_dict({**payload, rule.field: None}).to_dict()[rule.field] is None
    else:
        assert rejected_at({**payload, rule.field: None}, (rule.field,))
    checked = 0
    for depth, level in _levels(field):
        for validator in level.validators:
            value = _violation(validator, level)
            where = (rule.field,) + (0,) * depth
            changed = {**payload, rule.field: value}
            for _ in range(depth):
                changed[rule.field] = [changed[rule.field]]
            assert rejected_at(changed, where), (validator, changed[rule.field])
            checked += 1
    assert checked == len([check for check in rule.checks if "may be null" not in check])
