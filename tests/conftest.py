"""Shared test fixtures: the corpus of real payloads and hypothesis profiles."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, List

import pytest
from hypothesis import HealthCheck, settings

#: ``../shared/corpus`` beside the repository root (override with QISKIT_MODELS_CORPUS).
CORPUS = Path(os.environ.get("QISKIT_MODELS_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))

settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=20000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def corpus_files(kind: str) -> List[Path]:
    """Return the corpus files of one kind; fail (never skip) if the corpus is missing."""
    folder = CORPUS / kind
    files = sorted(folder.glob("*.json"))
    if not files:
        raise RuntimeError(f"no corpus files in {folder}: the tests need ../shared/corpus beside the repository")
    return files


def corpus_files_of(model: Any) -> List[Path]:
    """Return the corpus files whose detected model is ``model`` (any folder)."""
    from qiskit_models.kinds import detect_model

    files = [path for path in sorted(CORPUS.glob("*/*.json")) if detect_model(load_json(path)) is model]
    if not files:
        raise RuntimeError(f"no corpus file of {model.__name__} in {CORPUS}")
    return files


def is_legacy_shape(path: Path) -> bool:
    """Tell whether a corpus file is one of the older, deliberately invalid shapes."""
    return "legacy" in path.name or path.name == "schema_deprecated_example.json"


def load_json(path: Path) -> Any:
    """Parse a corpus file."""
    with open(path, "rb") as handle:
        return json.load(handle)


@pytest.fixture(params=[True, False], ids=["fast", "reference"])
def both_paths(request: pytest.FixtureRequest):
    """Run a test with the compiled fast paths on, then off."""
    from qiskit_models.validation import set_fast_path

    previous = set_fast_path(request.param)
    yield request.param
    set_fast_path(previous)
