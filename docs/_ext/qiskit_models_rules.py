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

_LEGACY = "Rule of the legacy schema; "
_CONFIGURATION = {
    "backend_name": _LEGACY + "every configuration of the corpus (33) names its backend.",
    "backend_version": (
        "The legacy pattern of ``BackendStatus.backend_version`` (start-anchored, dots unescaped); every "
        "corpus configuration sends ``X.Y.Z``."
    ),
    "n_qubits": _LEGACY + "devices of the corpus have 1 to 127 qubits; a backend without a qubit cannot run anything.",
    "basis_gates": _LEGACY + "the gate names a transpiler targets; always a list of strings, may be empty.",
    "gates": _LEGACY + "one ``GateConfig`` per basis gate; the list may be empty (simulator example).",
    "local": _LEGACY + "every configuration sends ``true`` or ``false``; ``\"yes\"`` or ``1`` are malformed.",
    "simulator": _LEGACY + "every configuration sends ``true`` or ``false``.",
    "conditional": _LEGACY + "every configuration sends ``true`` or ``false``.",
    "memory": _LEGACY + "every configuration sends ``true`` or ``false``.",
    "max_shots": _LEGACY + "devices send 8192 to 100000; zero shots cannot be run.",
    "coupling_map": (
        "Optional and nullable: one-qubit devices send ``null`` and the official simulator example has no such "
        "key (legacy required the key, W22).  When given, at least one pair, as in legacy: ``[]`` is rejected."
    ),
    "max_experiments": _LEGACY + "devices send 75 to 900; optional (the schema examples leave it out).",
    "sample_name": _LEGACY + "optional; devices send a text name of the chip family.",
    "n_registers": _LEGACY + "devices send 1 or 2; optional.",
    "register_map": _LEGACY + "a 0/1 matrix; only one corpus file sends it.",
    "configurable": _LEGACY + "optional; ``true`` or ``false`` only.",
    "credits_required": _LEGACY + "optional; ``true`` or ``false`` only.",
    "online_date": "ISO 8601 as devices send it (``2018-08-29T04:00:00+00:00``); the payload's text is written back.",
    "display_name": _LEGACY + "optional text.",
    "description": _LEGACY + "optional text.",
    "tags": _LEGACY + "optional list of strings.",
}
_PULSE = {
    "open_pulse": "``true``: a configuration with ``open_pulse`` false is a ``QasmBackendConfiguration`` (several devices send pulse keys with ``false``).",
    "n_uchannels": _LEGACY + "devices send 0 (one-qubit devices) to 144.",
    "u_channel_lo": (
        "Required (legacy failed with a raw ``TypeError`` without it, W18); the outer list may be empty (armonk "
        "and prague send ``[]``), each channel's own list has at least one item."
    ),
    "meas_levels": _LEGACY + "devices send levels 0 to 2, at least one.",
    "qubit_lo_range": "``[min, max]`` in GHz, non-negative, as every device sends; held in Hz on the object.",
    "meas_lo_range": "``[min, max]`` in GHz, non-negative, as every device sends; held in Hz on the object.",
    "dt": "A number, not necessarily a float: the official example sends ``1``, devices ``0.2222222222222222``; in ns on the wire, s on the object.",
    "dtm": "A number, not necessarily a float: the official example sends ``10``, devices ``10.5`` or ``0.2222222222222222``; in ns on the wire, s on the object.",
    "rep_times": (
        "Numbers, not integers as legacy declared: devices send ``1000.0`` and ``0.001`` (legacy wrote ``[0, 0, 0]`` "
        "back, W24); in µs on the wire, s on the object."
    ),
    "meas_kernels": _LEGACY + "the names of the supported kernels (one or two in the corpus).",
    "discriminators": _LEGACY + "the names of the supported discriminators.",
    "meas_map": _LEGACY + "groups of qubits measured together; each group has at least one qubit.",
    "channel_bandwidth": "``[min, max]`` pairs in GHz; sent by one corpus device.",
    "acquisition_latency": _LEGACY + "lists of integers; 25 of 26 configurations that have it send ``[]``.",
    "conditional_latency": _LEGACY + "lists of integers; most devices send ``[]``.",
}
for _model in ("QasmBackendConfiguration", "PulseBackendConfiguration"):
    WHY.update({f"{_model}.{key}": text for key, text in _CONFIGURATION.items()})
WHY["QasmBackendConfiguration.open_pulse"] = "``false``: a configuration with ``open_pulse`` true is a ``PulseBackendConfiguration``."
WHY.update({f"PulseBackendConfiguration.{key}": text for key, text in _PULSE.items()})
WHY.update(
    {
        "BackendProperties.backend_name": _LEGACY + "every properties file of the corpus (34) names its backend.",
        "BackendProperties.backend_version": "The legacy pattern of ``BackendStatus.backend_version``; every corpus file sends ``X.Y.Z``.",
        "BackendProperties.last_update_date": "ISO 8601 as devices send it (``2019-08-23T09:50:32+00:00``, ``2018-04-02 15:00:00Z``); the text is written back.",
        "BackendProperties.qubits": _LEGACY + "one list per qubit, each with at least one measurement (T1, T2, frequency, ...); no device sends an empty one.",
        "BackendProperties.gates": _LEGACY + "every device reports at least one gate.",
        "BackendProperties.general": _LEGACY + "may be empty: 10 of the 34 corpus files send ``[]``.",
        "Nduv.date": "ISO 8601 as devices send it; each measurement has its own date.",
        "Nduv.name": _LEGACY + "the property's name (``T1``, ``gate_error``, ``readout_length``, ...).",
        "Nduv.unit": _LEGACY + "may be empty (``\"\"`` for a probability); never converted on load, so an unknown unit never fails.",
        "Nduv.value": "A number: devices send ints and floats (from -0.39 to 113493.3 in the corpus), kept as sent.",
        "Gate.qubits": _LEGACY + "every gate acts on at least one qubit.",
        "Gate.gate": _LEGACY + "the gate's name (``cx``, ``sx``, ...).",
        "Gate.parameters": _LEGACY + "every gate reports at least one property (``gate_error``, ``gate_length``).",
        "GateConfig.name": _LEGACY + "the gate's name as in ``basis_gates``.",
        "GateConfig.parameters": (
            "Required but nullable: the ``reset`` gate of 19 corpus configurations sends ``null`` (legacy rejected "
            "every such file); ``[]`` is sent by gates without parameters."
        ),
        "GateConfig.qasm_def": "Required but nullable: the same ``reset`` gates send ``null``.",
        "GateConfig.coupling_map": _LEGACY + "sent by 32 of 33 configurations; at least one list of at least one qubit.",
        "GateConfig.latency_map": _LEGACY + "a 0/1 matrix; sent by two corpus files.",
        "GateConfig.conditional": _LEGACY + "``true`` or ``false``; sent by one corpus file.",
        "GateConfig.description": _LEGACY + "optional text.",
        "UchannelLO.q": _LEGACY + "a qubit index (0 to 126 in the corpus).",
        "UchannelLO.scale": "A complex number, ``[re, im]`` as devices send it (a Python ``complex`` is accepted too).",
        "PulseDefaults.qubit_freq_est": _LEGACY + "one estimate per qubit, at least one; in GHz on the wire, Hz on the object.",
        "PulseDefaults.meas_freq_est": _LEGACY + "one estimate per qubit, at least one; in GHz on the wire, Hz on the object.",
        "PulseDefaults.buffer": _LEGACY + "devices send 0 to 2 samples.",
        "PulseDefaults.pulse_library": _LEGACY + "may be empty: the 127-qubit device sends none (it uses parametric pulses).",
        "PulseDefaults.cmd_def": _LEGACY + "the gate definitions; every device sends some.",
        "PulseDefaults.meas_kernel": _LEGACY + "optional; every device sends one.",
        "PulseDefaults.discriminator": _LEGACY + "optional; every device sends one.",
        "PulseLibraryItem.name": _LEGACY + "the name that sequence items refer to.",
        "PulseLibraryItem.samples": "At least one complex number, ``[re, im]`` as devices send them.",
        "Command.name": _LEGACY + "the gate it defines.",
        "Command.qubits": "Optional as in the legacy schema (legacy crashed without it, W18); every device sends it.",
        "Command.sequence": "Optional as in the legacy schema (legacy crashed without it, W18); every device sends it.",
        "MeasurementKernel.name": _LEGACY + "optional text.",
        "MeasurementKernel.params": _LEGACY + "free-form, kept as sent.",
        "Discriminator.name": _LEGACY + "optional text.",
        "Discriminator.params": _LEGACY + "free-form, kept as sent.",
        "PulseQobjInstruction.name": _LEGACY + "a pulse of the library or ``fc``, ``parametric_pulse``, ``acquire``, ``delay``.",
        "PulseQobjInstruction.t0": _LEGACY + "a start time in samples (0 to 358400 in the corpus).",
        "PulseQobjInstruction.ch": "The legacy pattern (start-anchored): a drive, control or measure channel, ``d0``, ``u12``, ``m3``.",
        "PulseQobjInstruction.phase": "A number or a parameter expression: devices send ``-(P0)`` as well as ``3.14``.",
        "PulseQobjInstruction.duration": _LEGACY + "devices send 10 to 358400 samples.",
        "PulseQobjInstruction.parameters": "Kept exactly as sent (``amp`` stays ``[re, im]``); only its keys must be strings.",
    }
)

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
