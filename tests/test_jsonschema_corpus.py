"""Every corpus payload of every kind, checked with the model and with its exported JSON Schema.

The schema must accept every payload the model accepts and reject every
payload the model rejects for a type or range reason.  Besides the files
themselves, a few files per kind are mutated (one value replaced by a probe of
another type, or one key removed) to exercise the rejections.  Kinds come from
``qiskit_models.kinds.KINDS`` (each corpus file is checked with the model
``detect_model`` picks for it), so new models are covered as soon as they are
registered there.
"""

from __future__ import annotations

import functools

import pytest

from conftest import CORPUS, load_json
from qiskit_models.kinds import KINDS, detect_model
from schema_agreement import disagreement, model_verdict, mutations, validator_for

#: Mutated payloads checked per file.
MUTATION_BUDGET = 300
#: Files mutated per kind (the official examples first, then the smallest).
MUTATED_FILES_PER_KIND = 3
#: Larger files are only mutated when a kind has no smaller one (each mutation loads the whole file).
MUTATED_FILE_MAX_BYTES = 32 * 1024

def _corpus_by_kind():
    """``(kind, model, path)`` for every corpus file whose model can be detected."""
    names = {model: kind for kind, model in KINDS}
    found = []
    for path in sorted(CORPUS.glob("*/*.json")):
        model = detect_model(load_json(path))
        if model is not None:
            found.append((names[model], model, path))
    return found


FILES = _corpus_by_kind()


def _mutated_files():
    chosen = []
    for kind, model in KINDS:
        files = [path for file_kind, _, path in FILES if file_kind == kind]
        files.sort(key=lambda path: (not path.name.startswith("schema_example"), "legacy" in path.name, path.stat().st_size, path.name))
        small = [path for path in files if path.stat().st_size <= MUTATED_FILE_MAX_BYTES] or files[:1]
        chosen.extend((kind, model, path) for path in small[:MUTATED_FILES_PER_KIND])
    return chosen


@functools.lru_cache(maxsize=None)
def _validator(model):
    return validator_for(model)


@pytest.mark.parametrize("kind,model,path", FILES, ids=[f"{kind}/{path.name}" for kind, _, path in FILES])
def test_corpus_file_agrees_with_the_exported_schema(kind, model, path):
    payload = load_json(path)
    assert disagreement(model, _validator(model), payload) is None


MUTATED = _mutated_files()


@pytest.mark.parametrize("kind,model,path", MUTATED, ids=[f"{kind}/{path.name}" for kind, _, path in MUTATED])
def test_mutated_corpus_file_agrees_with_the_exported_schema(kind, model, path):
    payload = load_json(path)
    validator = _validator(model)
    problems = []
    rejected = 0
    for description, mutated in mutations(payload, MUTATION_BUDGET):
        found = disagreement(model, validator, mutated)
        if found:
            problems.append(f"{description}: {found}")
        rejected += not model_verdict(model, mutated)[0]
    assert problems[:10] == []
    assert rejected, "the mutations should include payloads the model rejects"


def test_every_kind_has_corpus_files_and_a_schema():
    assert {kind for kind, _, _ in FILES} == {kind for kind, _ in KINDS}
    for _, model in KINDS:
        assert _validator(model).schema["title"] == model.__name__
