"""Which model a payload is: the registry of provider payload kinds.

Used by ``qiskit-models check`` to pick a model for each file, and available to
plugins that receive payloads of unknown kind::

    from qiskit_models.kinds import detect_model
    model = detect_model(payload).from_dict(payload)
"""

from __future__ import annotations

from typing import Any, List, Mapping, Optional, Tuple, Type

from qiskit_models.providers.models.backendconfiguration import BackendConfiguration
from qiskit_models.validation.base import BaseModel

__all__ = ["KINDS", "detect_model", "find_model", "model_names"]


def _kinds() -> List[Tuple[str, Type[BaseModel]]]:
    from qiskit_models.providers import models

    return [
        ("job_status", models.JobStatus),
        ("backend_status", models.BackendStatus),
        ("backend_properties", models.BackendProperties),
        ("backend_configuration", models.QasmBackendConfiguration),
        ("pulse_backend_configuration", models.PulseBackendConfiguration),
        ("pulse_defaults", models.PulseDefaults),
    ]


#: ``(kind, model class)`` pairs, in order of preference for ties.
KINDS: List[Tuple[str, Type[BaseModel]]] = _kinds()


def _required_keys(model: Type[BaseModel]) -> List[str]:
    schema = model.schema
    return [field.data_key or name for name, field in schema.fields.items() if field.required]


def model_names() -> List[str]:
    """Return the names ``--model`` accepts: model class names and kind names."""
    return sorted({model.__name__ for _, model in KINDS} | {kind for kind, _ in KINDS})


def find_model(name: str) -> Optional[Type[BaseModel]]:
    """Return the model class called ``name`` (class name or kind, any case).

    Args:
        name: for example ``"JobStatus"``, ``"jobstatus"`` or ``"job_status"``.

    Returns:
        The model class, or ``None`` if no model has that name.
    """
    wanted = name.replace("_", "").replace("-", "").lower()
    for kind, model in KINDS:
        if wanted in (kind.replace("_", ""), model.__name__.lower()):
            return model
    return None


def detect_model(payload: Any) -> Optional[Type[BaseModel]]:
    """Guess which model a payload is, from the keys it has.

    The model whose required keys the payload has the most of wins (ties go to
    the earlier kind); a payload that has none of any model's required keys is
    not recognised.  A backend configuration is a
    :class:`~qiskit_models.providers.models.PulseBackendConfiguration` when its
    ``open_pulse`` is ``true`` and a
    :class:`~qiskit_models.providers.models.QasmBackendConfiguration` otherwise.

    Args:
        payload: a parsed JSON document.

    Returns:
        The model class, or ``None``.
    """
    if not isinstance(payload, Mapping):
        return None
    best: Optional[Type[BaseModel]] = None
    best_score = 0.0
    for kind, model in KINDS:
        required = _required_keys(model)
        present = sum(1 for key in required if key in payload)
        score = present / len(required) if required else 0.0
        if present and score > best_score:
            best, best_score = model, score
    if best is not None and issubclass(best, BackendConfiguration):
        from qiskit_models.providers.models import PulseBackendConfiguration, QasmBackendConfiguration

        best = PulseBackendConfiguration if payload.get("open_pulse") is True else QasmBackendConfiguration
    return best
