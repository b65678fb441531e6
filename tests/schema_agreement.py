"""Compare what a model's ``from_dict`` accepts with what its exported JSON Schema accepts."""

from __future__ import annotations

import copy
import random
from typing import Any, Iterator, List, Optional, Tuple

import jsonschema

from qiskit_models.jsonschema import model_json_schema
from qiskit_models.validation import ModelValidationError

#: Values put in place of a payload value to probe both sides.
PROBES: List[Any] = [
    None,
    True,
    False,
    0,
    -1,
    7,
    2.5,
    -0.5,
    "",
    "x",
    "2021-03-04T05:06:07Z",
    "1.2.3",
    [],
    [1],
    [1.0, 2.0],
    ["a"],
    [[0, 1]],
    {},
    {"a": 1},
]

#: Beginnings of the messages of a rejection for a type or range reason (marshmallow's and qiskit-models').
TYPE_OR_RANGE = (
    "Not a valid",
    "Field may not be null.",
    "Missing data for required field.",
    "Must be",
    "Shorter than",
    "Longer than",
    "Length must be",
    "String does not match",
    "Invalid input",
    "Invalid type.",
    "Special numeric values",
    "Cannot find a valid schema",
    "Data could not be validated",
    "Value is nested",
)
TYPE_OR_RANGE_ANYWHERE = ("cannot be parsed as", "does not fit any of the types", "is not the expected type")

Path = Tuple[Any, ...]


def validator_for(model: Any) -> jsonschema.protocols.Validator:
    """The draft 2020-12 validator of a model's exported schema (checked against the meta-schema)."""
    schema = model_json_schema(model)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def model_verdict(model: Any, payload: Any) -> Tuple[bool, Optional[bool]]:
    """Return ``(accepted, type_or_range)``: whether ``from_dict`` accepts, and if not, why."""
    try:
        model.from_dict(payload)
    except ModelValidationError as error:
        messages = [message for _, message in error.errors()]
        typed = bool(messages) and all(
            message.startswith(TYPE_OR_RANGE) or any(part in message for part in TYPE_OR_RANGE_ANYWHERE)
            for message in messages
        )
        return False, typed
    except Exception:  # noqa: BLE001 - another kind of rejection (units, a plugin's __init__)
        return False, False
    return True, None


def disagreement(model: Any, validator: Any, payload: Any) -> Optional[str]:
    """Describe how the model and the schema disagree on a payload, or return ``None``.

    The schema must accept every payload the model accepts, and reject every
    payload the model rejects for a type or range reason.
    """
    accepted, typed = model_verdict(model, payload)
    valid = validator.is_valid(payload)
    if accepted and not valid:
        error = jsonschema.exceptions.best_match(validator.iter_errors(payload))
        return f"model accepts, schema rejects: {error.json_path}: {error.message}"
    if not accepted and typed and valid:
        try:
            model.from_dict(payload)
        except ModelValidationError as error:
            return f"model rejects ({error}), schema accepts"
    return None


def _sites(value: Any, path: Path = ()) -> Iterator[Path]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _sites(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _sites(item, path + (index,))


def _replace(payload: Any, path: Path, value: Any) -> Any:
    result = copy.deepcopy(payload)
    if not path:
        return value
    target = result
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return result


def _delete(payload: Any, path: Path) -> Any:
    result = copy.deepcopy(payload)
    target = result
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return result


def mutations(payload: Any, budget: int, seed: int = 0) -> Iterator[Tuple[str, Any]]:
    """Yield ``(description, payload)``: the payload with one value replaced by a probe, or one key removed.

    At most ``budget`` mutations, spread over the payload's values (all of
    them for small payloads, a fixed random sample for big ones).
    """
    sites = list(_sites(payload))
    per_site = len(PROBES) + 1
    if len(sites) * per_site > budget:
        rng = random.Random(seed)
        # keep the top-level keys, sample the rest
        top = [site for site in sites if len(site) <= 1]
        rest = [site for site in sites if len(site) > 1]
        sites = top + rng.sample(rest, max(0, min(len(rest), budget // per_site - len(top))))
    for site in sites:
        for probe in PROBES:
            yield f"{site!r} = {probe!r}", _replace(payload, site, probe)
        if site and isinstance(site[-1], str):
            yield f"del {site!r}", _delete(payload, site)
