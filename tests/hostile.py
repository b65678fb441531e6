"""Helpers of the hostile-payload tests: every model, a real payload of each, and its places.

* :data:`MODELS`: every model of ``qiskit_models.kinds.KINDS`` and every model
  nested in them (found by walking the schemas), each once.
* :func:`sample`: a valid payload of a model, taken from the corpus (for a
  nested model, the sub-payload of a corpus file with the most declared keys).
* :func:`sites`: every place of a payload that a declared field handles, with
  that field, walking into lists and (optionally) nested models.
* :func:`built_kwargs`: constructor arguments equivalent to a payload, with
  already-built values where the constructor takes objects (nested models,
  ``datetime``, ``complex``): the construct path of the tests.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from conftest import CORPUS, is_legacy_shape, load_json
from qiskit_models.kinds import KINDS, detect_model
from qiskit_models.validation import BaseModel, ModelValidationError, fields
from qiskit_models.validation._binding import _nested_schemas

Path = Tuple[Any, ...]


def _all_models() -> List[type]:
    found: List[type] = []
    queue = [model for _, model in KINDS]
    while queue:
        model = queue.pop(0)
        if model in found:
            continue
        found.append(model)
        for field in model.schema.fields.values():
            for schema in _nested_schemas(field):
                nested = getattr(schema, "model_cls", None)
                if isinstance(nested, type) and issubclass(nested, BaseModel):
                    queue.append(nested)
    return found


#: Every model reachable from ``KINDS``: the top-level ones first.
MODELS: List[type] = _all_models()
TOP_LEVEL: List[type] = [model for _, model in KINDS]


def model_id(model: type) -> str:
    return model.__name__


def _is_many(field: Any) -> bool:
    return bool(field.many or field.schema.many)


def nested_payloads(schema: Any, payload: Any) -> Iterator[Tuple[type, Dict[str, Any]]]:
    """``(model, sub-payload)`` for every nested model in a payload."""
    if not isinstance(payload, dict):
        return
    for name, field in schema.fields.items():
        key = field.data_key or name
        if key in payload:
            yield from _field_payloads(field, payload[key])


def _field_payloads(field: Any, value: Any) -> Iterator[Tuple[type, Dict[str, Any]]]:
    if isinstance(field, fields.Nested):
        items = value if _is_many(field) and isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict):
                yield field.schema.model_cls, item
                yield from nested_payloads(field.schema, item)
    elif isinstance(field, fields.List) and isinstance(value, list):
        for item in value:
            yield from _field_payloads(field.inner, item)


@functools.lru_cache(maxsize=None)
def _valid_corpus_payloads() -> Dict[type, List[Tuple[int, str]]]:
    """Top-level model -> [(size, path)] of the corpus files that load, smallest first."""
    found: Dict[type, List[Tuple[int, str]]] = {}
    for path in sorted(CORPUS.glob("*/*.json")):
        if is_legacy_shape(path):
            continue
        payload = load_json(path)
        model = detect_model(payload)
        if model is None:
            continue
        try:
            model.from_dict(payload)
        except ModelValidationError:
            continue
        found.setdefault(model, []).append((path.stat().st_size, str(path)))
    for files in found.values():
        files.sort()
    return found


@functools.lru_cache(maxsize=None)
def _samples() -> Dict[type, Dict[str, Any]]:
    samples: Dict[type, Dict[str, Any]] = {}
    merged: Dict[type, Dict[str, Any]] = {}
    for model, files in _valid_corpus_payloads().items():
        samples[model] = load_json(files[0][1])
        for _, path in files[:3]:  # the three smallest files of each kind give every nested model
            payload = load_json(path)
            for nested, sub in nested_payloads(model.schema, payload):
                samples.setdefault(nested, sub)
                union = merged.setdefault(nested, {})
                for key, value in sub.items():
                    union.setdefault(key, value)
    for nested, union in merged.items():
        # every key that the corpus sends to this model, in one payload (each field is valid on its own)
        try:
            nested.from_dict(union)
        except ModelValidationError:
            continue
        samples[nested] = union
    return samples


def sample(model: type) -> Dict[str, Any]:
    """A valid payload of ``model`` from the corpus (a new copy each time)."""
    return copy.deepcopy(_samples()[model])


@dataclass(frozen=True)
class Site:
    """A place in a payload that a declared field handles."""

    path: Path
    field: Any
    owner: type  # the model whose schema declares the field
    owner_path: Path  # where the owner's payload is
    value: Any

    @property
    def local(self) -> Path:
        """The path inside the owner's payload."""
        return self.path[len(self.owner_path) :]


def sites(model: type, payload: Any, deep: bool = True) -> Iterator[Site]:
    """Every declared place of ``payload`` (a payload of ``model``): fields, list items, nested models."""
    yield from _schema_sites(model, payload, (), deep)


def _schema_sites(model: type, payload: Any, path: Path, deep: bool) -> Iterator[Site]:
    if not isinstance(payload, dict):
        return
    for name, field in model.schema.fields.items():
        key = field.data_key or name
        if key in payload:
            yield from _field_sites(field, payload[key], path + (key,), model, path, deep)


def _field_sites(field: Any, value: Any, path: Path, owner: type, owner_path: Path, deep: bool) -> Iterator[Site]:
    yield Site(path, field, owner, owner_path, value)
    if isinstance(field, fields.Nested):
        if not deep:
            return
        nested = field.schema.model_cls
        if _is_many(field):
            if isinstance(value, list):
                for index, item in enumerate(value):
                    yield from _schema_sites(nested, item, path + (index,), deep)
        else:
            yield from _schema_sites(nested, value, path, deep)
    elif isinstance(field, fields.List) and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _field_sites(field.inner, item, path + (index,), owner, owner_path, deep)


def get_at(payload: Any, path: Path) -> Any:
    for part in path:
        payload = payload[part]
    return payload


def put(payload: Any, path: Path, value: Any) -> Any:
    """A deep copy of ``payload`` with ``value`` at ``path``."""
    result = copy.deepcopy(payload)
    if not path:
        return value
    get_at(result, path[:-1])[path[-1]] = value
    return result


def drop(payload: Any, path: Path) -> Any:
    result = copy.deepcopy(payload)
    del get_at(result, path[:-1])[path[-1]]
    return result


def error_at(path: Path, messages: Any) -> Any:
    """``messages`` nested under ``path`` as marshmallow reports them."""
    for part in reversed(path):
        messages = {part: messages}
    return messages


def error_paths(messages: Any) -> List[Path]:
    from qiskit_models.validation.exceptions import flatten_messages

    return sorted({path for path, _ in flatten_messages(messages)}, key=repr)


def _converts(field: Any) -> bool:
    """Whether loading turns the payload value into another type (the constructor takes that type)."""
    if isinstance(field, (fields.Nested, fields.DateTime, fields.Date, fields.Complex, fields.BasePolyField)):
        return True
    if isinstance(field, fields.List):
        return _converts(field.inner)
    if isinstance(field, fields.ByType):
        return any(_converts(choice) for choice in field.choices)
    return False


def built_kwargs(model: type, payload: Dict[str, Any], loaded: Optional[Any] = None) -> Dict[str, Any]:
    """Constructor arguments for ``payload``: payload values, built values where the constructor needs them."""
    loaded = model.from_dict(payload) if loaded is None else loaded
    kwargs = dict(payload)
    for name, field in model.schema.fields.items():
        key = field.data_key or name
        attribute = field.attribute or name
        if key in payload and _converts(field):
            kwargs.pop(key)
            kwargs[attribute] = loaded.__dict__[attribute] if attribute in loaded.__dict__ else loaded[key]
    kwargs.pop("validate", None)
    return kwargs


def outcome(function: Callable[[], Any]) -> Tuple[str, Any]:
    """``("ok", result)`` or ``("error", messages)``; any other exception propagates."""
    try:
        return ("ok", function())
    except ModelValidationError as error:
        return ("error", error.messages)


def field_has(field: Any, validator_type: type) -> List[Any]:
    return [validator for validator in field.validators if isinstance(validator, validator_type)]


def validator_rejects(field: Any, value: Any) -> bool:
    """Whether the field's own validators reject a value of the right type."""
    from marshmallow import ValidationError

    try:
        for validator in field.validators:
            validator(value)
    except ValidationError:
        return True
    return False
