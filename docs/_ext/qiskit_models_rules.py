"""The table of every validation rule of every model, read from the schemas themselves.

:func:`collect_rules` walks every model of ``qiskit_models.kinds.KINDS`` and
every schema nested in it (``Nested``, list items, polymorphic choices) and
returns one :class:`Rule` per declared field: its type, whether it is
required, whether it may be null, and every validator with its parameters.
The "why" of a rule comes from :data:`WHY` (keyed ``Model.field``), else from
:data:`DEFAULT_WHY`.  Imports no Sphinx: the tests use it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from marshmallow import Schema, fields as ma_fields, validate as ma_validate

from qiskit_models.validation import fields
from qiskit_models.validation.validate import Or, PatternProperties

__all__ = ["DEFAULT_WHY", "Rule", "WHY", "collect_rules", "describe_field", "describe_validator", "schema_owners"]

#: Why a rule exists, keyed ``Model.field`` (``Schema.field`` for unbound schemas).
WHY: Dict[str, str] = {
    "JobStatus.job_id": "Identifies the job at the provider; every status report names it.",
    "JobStatus.status": (
        "The job states of ``qiskit.providers.JobStatus``.  The legacy schema listed only five of them and "
        "rejected ``INITIALIZING`` and ``VALIDATING``, which providers do report.  A provider with other "
        "states extends the schema (see the plugin guide)."
    ),
    "JobStatus.status_msg": "Human-readable status; the legacy schema required it (it may be empty).",
    "BackendStatus.backend_name": "Identifies the backend the status is about.",
    "BackendStatus.backend_version": (
        "The legacy pattern, kept as it was (matched from the start, dots unescaped) so that every version "
        "that loaded before still loads, ``1.2.3`` as well as ``12345``."
    ),
    "BackendStatus.operational": (
        "Only ``true`` or ``false``: the legacy layer also took ``\"yes\"`` or ``1`` and turned them into "
        "``True``, which hid malformed payloads."
    ),
    "BackendStatus.pending_jobs": "A count of queued jobs cannot be negative.",
    "BackendStatus.status_msg": "Human-readable status; the legacy schema required it (it may be empty).",
}

#: The "why" of a rule without an entry in :data:`WHY`.
DEFAULT_WHY = "Rule of the legacy schema, kept so that the same payloads load."


@dataclass(frozen=True)
class Rule:
    """One declared field of one schema, as the rules table shows it.

    Attributes:
        owner: the model name (the schema class name for an unbound schema).
        schema: the schema class name.
        field: the payload key.
        kind: what values the field holds, in words.
        required: the payload must have the key.
        nullable: ``null`` is accepted.
        checks: the validators, in words (items' validators prefixed).
        why: why the rule exists.
    """

    owner: str
    schema: str
    field: str
    kind: str
    required: bool
    nullable: bool
    checks: Tuple[str, ...]
    why: str

    @property
    def key(self) -> str:
        """``Model.field``, the key of :data:`WHY`."""
        return f"{self.owner}.{self.field}"


def _owner(schema: Schema) -> str:
    model_cls = getattr(schema, "model_cls", None)
    if isinstance(model_cls, type) and model_cls.__module__ != "types":
        return model_cls.__name__
    return type(schema).__name__


def _child_schemas(field: Any) -> List[Schema]:
    found: List[Schema] = []
    if isinstance(field, ma_fields.Nested):
        found.append(field.schema)
    for attribute in ("inner", "key_field", "value_field"):
        child = getattr(field, attribute, None)
        if child is not None:
            found.extend(_child_schemas(child))
    for choice in getattr(field, "choices", None) or () if isinstance(field, fields.ByType) else ():
        found.extend(_child_schemas(choice))
    found.extend(getattr(field, "choice_schemas", None) or ())
    for validator in getattr(field, "validators", ()):
        if isinstance(validator, PatternProperties):
            for value_field in validator.pattern_properties.values():
                found.extend(_child_schemas(value_field))
    return found


def schema_owners(models: Iterable[Any]) -> List[Tuple[str, Schema]]:
    """Return ``(owner name, schema)`` for the models and every schema nested in them, each schema class once."""
    seen = set()
    found: List[Tuple[str, Schema]] = []
    queue: List[Schema] = [model.schema for model in models]
    while queue:
        schema = queue.pop(0)
        if type(schema) in seen:
            continue
        seen.add(type(schema))
        found.append((_owner(schema), schema))
        for field in schema.fields.values():
            queue.extend(_child_schemas(field))
    return found


def _number(value: Any) -> str:
    return repr(value) if not isinstance(value, str) else value


def describe_validator(validator: Any) -> str:
    """Say what a validator checks, with its parameters.

    Args:
        validator: a marshmallow or qiskit-models validator, or any callable.

    Returns:
        For example ``one of: DONE, ERROR``, ``≥ 0``, ``length ≥ 1``.
    """
    if isinstance(validator, ma_validate.ContainsOnly):
        return "items among: " + ", ".join(map(str, validator.choices))
    if isinstance(validator, ma_validate.OneOf):
        return "one of: " + ", ".join(map(str, validator.choices))
    if isinstance(validator, ma_validate.NoneOf):
        return "none of: " + ", ".join(map(str, validator.iterable))
    if isinstance(validator, ma_validate.Equal):
        return f"equal to {validator.comparable!r}"
    if isinstance(validator, ma_validate.Range):
        parts = []
        if validator.min is not None:
            parts.append(("≥ " if validator.min_inclusive else "> ") + _number(validator.min))
        if validator.max is not None:
            parts.append(("≤ " if validator.max_inclusive else "< ") + _number(validator.max))
        return " and ".join(parts)
    if isinstance(validator, ma_validate.Length):
        if validator.equal is not None:
            return f"length = {validator.equal}"
        parts = []
        if validator.min is not None:
            parts.append(f"≥ {validator.min}")
        if validator.max is not None:
            parts.append(f"≤ {validator.max}")
        return "length " + " and ".join(parts)
    if isinstance(validator, ma_validate.Regexp):
        return f"matches ``{validator.regex.pattern}`` (from the start)"
    if isinstance(validator, ma_validate.Email):
        return "an e-mail address"
    if isinstance(validator, ma_validate.URL):
        return "a URL"
    if isinstance(validator, Or):
        return " or ".join(f"({describe_validator(part)})" for part in validator.validators)
    if isinstance(validator, ma_validate.And):
        return " and ".join(f"({describe_validator(part)})" for part in validator.validators)
    if isinstance(validator, PatternProperties):
        parts = [
            f"{describe_validator(key)} → {describe_field(value)}"
            for key, value in validator.pattern_properties.items()
        ]
        return "every key accepted by one of: " + "; ".join(parts)
    name = getattr(validator, "__name__", None) or type(validator).__name__
    return f"checked by ``{name}``"


_SIMPLE = [
    (fields.Email, "e-mail string"),
    (fields.Url, "URL string"),
    (ma_fields.String, "string"),
    (ma_fields.Integer, "integer"),
    (ma_fields.Number, "number"),
    (ma_fields.Boolean, "boolean (``true`` or ``false``)"),
    (fields.DateTime, "date-time (ISO 8601 text)"),
    (fields.Date, "date (ISO 8601 text)"),
    (fields.Complex, "complex number (``[real, imag]``)"),
    (fields.InstructionParameter, "instruction parameter (number, string or list of them)"),
    (fields.Raw, "any value"),
]


def describe_field(field: Any) -> str:
    """Say what values a field holds.

    Args:
        field: a marshmallow field.

    Returns:
        For example ``list of integer`` or ``list of Nduv``.
    """
    if isinstance(field, ma_fields.Nested):
        many = field.many or getattr(field.schema, "many", False)
        name = _owner(field.schema)
        return f"list of {name}" if many else name
    if isinstance(field, ma_fields.List):
        return "list of " + describe_field(field.inner)
    if isinstance(field, ma_fields.Dict):
        key = describe_field(field.key_field) if field.key_field is not None else "string"
        value = describe_field(field.value_field) if field.value_field is not None else "any value"
        return f"mapping of {key} to {value}"
    if isinstance(field, fields.ByType):
        choices = []
        for choice in field.choices:
            checks = _checks(choice)
            choices.append(describe_field(choice) + (f" ({'; '.join(checks)})" if checks else ""))
        return "one of: " + ", ".join(choices)
    if isinstance(field, (fields.DateTime, fields.Date)) and field.format not in (None, "iso", "iso8601"):
        return f"{'date-time' if isinstance(field, fields.DateTime) else 'date'} (text in the format ``{field.format}``)"
    if isinstance(field, fields.Boolean):
        extras = sorted(map(repr, getattr(field, "_extra_true", set()) | getattr(field, "_extra_false", set())))
        if extras:
            return "boolean (``true``, ``false``, or " + ", ".join(extras) + ")"
    if isinstance(field, fields.ByAttribute):
        choices = field._choices if isinstance(field._choices, dict) else {}  # noqa: SLF001
        item = "by key: " + ", ".join(f"{key} → {_owner(field.schema_for(cls))}" for key, cls in choices.items())
        return f"list of ({item})" if field.many else item
    if isinstance(field, fields.TryFrom):
        item = "first that loads of: " + ", ".join(_owner(schema) for schema in field.choice_schemas)
        return f"list of ({item})" if field.many else item
    for cls, text in _SIMPLE:
        if isinstance(field, cls):
            return text
    return type(field).__name__


def _checks(field: Any, prefix: str = "") -> List[str]:
    found = [prefix + describe_validator(validator) for validator in getattr(field, "validators", ())]
    inner = getattr(field, "inner", None)
    if inner is not None:
        item_prefix = "each item: " if not prefix else prefix.replace("item: ", "item's item: ")
        if inner.allow_none:
            found.append(item_prefix + "may be null")
        found.extend(_checks(inner, item_prefix))
    for attribute, label in (("key_field", "each key: "), ("value_field", "each value: ")):
        child = getattr(field, attribute, None)
        if child is not None:
            found.extend(_checks(child, prefix + label))
    return found


def _rules_of(owner: str, schema: Schema, why: Dict[str, str]) -> Iterable[Rule]:
    for name, field in schema.fields.items():
        if field.dump_only:
            continue
        key = field.data_key or name
        yield Rule(
            owner=owner,
            schema=type(schema).__name__,
            field=key,
            kind=describe_field(field),
            required=bool(field.required),
            nullable=bool(field.allow_none),
            checks=tuple(_checks(field)),
            why=why.get(f"{owner}.{key}", DEFAULT_WHY),
        )


def collect_rules(models: Optional[Sequence[Any]] = None, why: Optional[Dict[str, str]] = None) -> List[Rule]:
    """Return every rule of the models and of the schemas nested in them.

    Args:
        models: model classes (default: every model of ``qiskit_models.kinds.KINDS``).
        why: reasons keyed ``Model.field`` (default: :data:`WHY`).

    Returns:
        The rules, model by model in the order of ``KINDS`` (nested schemas
        after the models that use them), fields in declaration order.
    """
    if models is None:
        from qiskit_models.kinds import KINDS

        models = [model for _, model in KINDS]
    reasons = WHY if why is None else why
    rules: List[Rule] = []
    for owner, schema in schema_owners(models):
        rules.extend(_rules_of(owner, schema, reasons))
    return rules
