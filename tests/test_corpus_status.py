"""Every job-status and backend-status file of the corpus: exact round trip or a clear failure."""

from __future__ import annotations

import pytest

from conftest import corpus_files, is_legacy_shape, load_json
from qiskit_models import BackendStatus, JobStatus, ModelValidationError
from qiskit_models.compare import payload_differences

STATUS_FILES = [(JobStatus, path) for path in corpus_files("job_status")] + [
    (BackendStatus, path) for path in corpus_files("backend_status")
]


@pytest.mark.parametrize("model,path", STATUS_FILES, ids=[f"{p.parent.name}/{p.name}" for _, p in STATUS_FILES])
def test_status_file(model, path, both_paths):
    payload = load_json(path)
    if is_legacy_shape(path):
        with pytest.raises(ModelValidationError) as error:
            model.from_dict(payload)
        assert error.value.errors(), "a legacy file must fail with at least one error"
        assert all(message == "Missing data for required field." for _, message in error.value.errors())
        return
    loaded = model.from_dict(payload)
    assert type(loaded) is model
    assert payload_differences(payload, loaded.to_dict()) == []
    assert model(**payload) == loaded
    assert model.from_dict(loaded.to_dict()) == loaded


def test_there_are_current_and_legacy_files():
    names = [path.name for _, path in STATUS_FILES]
    assert sum(1 for _, path in STATUS_FILES if not is_legacy_shape(path)) == 2
    assert "schema_deprecated_example.json" in names
