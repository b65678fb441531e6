"""Concurrency: 16 threads loading and dumping different payloads through the same model classes.

Each payload carries a marker of its own (in a declared string field where the
model has one, else in an unknown key), valid and invalid payloads of every
top-level model are mixed, and every result and every error message is compared
with the one computed single-threaded beforehand.  The compiled functions are
dropped first, so the threads also race to compile them.
"""

from __future__ import annotations

import copy
import threading
import time

from hostile import MODELS, TOP_LEVEL, sample
from qiskit_models import ModelValidationError
from qiskit_models.validation import fields
from qiskit_models.validation._binding import binding_for

THREADS = 16
SECONDS = 2.0


def _payloads():
    cases = []
    for index, model in enumerate(TOP_LEVEL * 3):
        payload = sample(model)
        marker = f"marker-{index}"
        payload["marker"] = marker
        text_fields = [name for name, field in model.schema.fields.items() if type(field) is fields.String and not field.validators and name in payload]
        if text_fields:
            payload[text_fields[0]] = marker
        cases.append((model, payload))
        broken = copy.deepcopy(payload)
        required = [name for name, field in model.schema.fields.items() if field.required]
        broken.pop(required[index % len(required)])
        broken[required[(index + 1) % len(required)]] = [marker]  # the error quotes nothing, but sits at its key
        cases.append((model, broken))
    return cases


def _run(model, payload):
    try:
        loaded = model.from_dict(payload)
    except ModelValidationError as error:
        return ("error", error.messages, str(error))
    return ("ok", type(loaded), loaded.to_dict())


def test_sixteen_threads_keep_every_result_with_its_input():
    cases = _payloads()
    expected = [_run(model, payload) for model, payload in cases]
    assert {result[0] for result in expected} == {"ok", "error"}
    for model in MODELS:  # make the threads compile the fast paths concurrently too
        binding = binding_for(model)
        binding.fast_load = binding.fast_dump = binding.fast_check = None
    barrier = threading.Barrier(THREADS)
    failures = []
    counts = [0] * THREADS

    def work(number):
        barrier.wait()
        deadline = time.monotonic() + SECONDS
        position = number
        while time.monotonic() < deadline:
            index = position % len(cases)
            model, payload = cases[index]
            result = _run(model, payload)
            if result != expected[index]:
                failures.append((number, index, result, expected[index]))
                return
            counts[number] += 1
            position += 7

    threads = [threading.Thread(target=work, args=(number,)) for number in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert all(count > 0 for count in counts) and sum(counts) >= len(cases)
