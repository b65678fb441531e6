"""Speed and memory of qiskit-models against pydantic v2 and plain marshmallow.

Run from the repository root, with the ``bench`` extra installed::

    python benchmarks/run.py [--repeat N] [--corpus ../shared/corpus]

Every case prints the median time of repeated runs of qiskit-models and of its
baselines, measured in the same run and interleaved (A, B, A, B, ...) so that a
noisy machine slows both alike, and the ratio against the issue's target.
Times are never asserted by the test suite; this script is the measurement.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import pydantic_models as pyd  # noqa: E402

import qiskit_models  # noqa: E402
from qiskit_models.validation import set_fast_path  # noqa: E402

RESULTS: List[Tuple[str, bool]] = []


def interleaved(functions: Dict[str, Callable[[], Any]], repeat: int) -> Dict[str, float]:
    """Median seconds of each function, run in turns."""
    for function in functions.values():  # warm up (compilation, caches)
        function()
    samples: Dict[str, List[float]] = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            gc.collect()
            started = time.perf_counter()
            function()
            samples[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in samples.items()}


def report(case: str, times: Dict[str, float], subject: str, checks: List[Tuple[str, str, float]]) -> None:
    """Print one case and record whether its targets are met.

    ``checks`` are ``(baseline, kind, bound)``: kind ``"at most"`` means
    subject/baseline <= bound, ``"faster by"`` means baseline/subject >= bound.
    """
    print(f"\n{case}")
    for name, seconds in times.items():
        print(f"  {name:<38} {seconds * 1e3:10.3f} ms")
    for baseline, kind, bound in checks:
        if kind == "at most":
            ratio = times[subject] / times[baseline]
            ok = ratio <= bound
            print(f"  -> {subject} / {baseline} = {ratio:.2f}x   (target: at most {bound}x)   {'PASS' if ok else 'FAIL'}")
        else:
            ratio = times[baseline] / times[subject]
            ok = ratio >= bound
            print(f"  -> {subject} is {ratio:.1f}x faster than {baseline}   (target: at least {bound}x)   {'PASS' if ok else 'FAIL'}")
        RESULTS.append((f"{case}: {subject} vs {baseline}", ok))


def largest(corpus: Path, kind: str, pulse_config: bool = False) -> Path:
    files = sorted((corpus / kind).glob("*.json"), key=lambda path: path.stat().st_size, reverse=True)
    for path in files:
        if not pulse_config or json.loads(path.read_text()).get("open_pulse") is True:
            return path
    raise SystemExit(f"no {kind} payload in {corpus}")


def load(path: Path) -> Any:
    with open(path, "rb") as handle:
        return json.load(handle)


def case_properties(corpus: Path, repeat: int) -> None:
    from qiskit_models.providers.models.backendproperties import BackendProperties, BackendPropertiesSchema

    payload = load(corpus / "backend_properties" / "sherbrooke.json")
    schema = BackendPropertiesSchema()
    times = interleaved(
        {
            "qiskit-models from_dict": lambda: BackendProperties.from_dict(payload),
            "pydantic model_validate": lambda: pyd.BackendProperties.model_validate(payload),
            "marshmallow Schema.load": lambda: schema.load(payload),
        },
        repeat,
    )
    report(
        "BackendProperties.from_dict, 127 qubits (sherbrooke), full validation",
        times,
        "qiskit-models from_dict",
        [("pydantic model_validate", "at most", 0.7), ("marshmallow Schema.load", "faster by", 10)],
    )
    ours = BackendProperties.from_dict(payload)
    theirs = pyd.BackendProperties.model_validate(payload)
    times = interleaved(
        {
            "qiskit-models to_dict": ours.to_dict,
            "pydantic model_dump(mode='json')": lambda: theirs.model_dump(mode="json"),
            "marshmallow Schema.dump": lambda: schema.dump(ours),
        },
        repeat,
    )
    report(
        "BackendProperties.to_dict, 127 qubits (sherbrooke)",
        times,
        "qiskit-models to_dict",
        [("pydantic model_dump(mode='json')", "at most", 1.0), ("marshmallow Schema.dump", "faster by", 6)],
    )


def case_jobstatus(repeat: int) -> None:
    from qiskit_models import JobStatus

    def ours() -> None:
        for _ in range(1000):
            JobStatus(job_id="5f4c2a9e8d1b3c0017a2b6f1", status="DONE", status_msg="Job has successfully run")

    def theirs() -> None:
        for _ in range(1000):
            pyd.JobStatus(job_id="5f4c2a9e8d1b3c0017a2b6f1", status="DONE", status_msg="Job has successfully run")

    times = interleaved({"qiskit-models JobStatus(...) x1000": ours, "pydantic JobStatus(...) x1000": theirs}, repeat)
    report(
        "JobStatus(job_id=..., status=..., status_msg=...) with validation",
        times,
        "qiskit-models JobStatus(...) x1000",
        [("pydantic JobStatus(...) x1000", "at most", 1.5)],
    )


def case_pulse(corpus: Path, repeat: int) -> None:
    from qiskit_models.providers.models.backendconfiguration import (
        PulseBackendConfiguration,
        PulseBackendConfigurationSchema,
    )
    from qiskit_models.providers.models.pulsedefaults import PulseDefaults, PulseDefaultsSchema

    for model, schema_cls, path in (
        (PulseDefaults, PulseDefaultsSchema, largest(corpus, "pulse_defaults")),
        (PulseBackendConfiguration, PulseBackendConfigurationSchema, largest(corpus, "backend_configuration", pulse_config=True)),
    ):
        payload = load(path)
        schema = schema_cls()
        name = f"{model.__name__} ({path.parent.name}/{path.name}, {path.stat().st_size // 1024} KiB)"
        times = interleaved(
            {"qiskit-models from_dict": lambda: model.from_dict(payload), "marshmallow Schema.load": lambda: schema.load(payload)},
            repeat,
        )
        report(f"{name} from_dict", times, "qiskit-models from_dict", [("marshmallow Schema.load", "faster by", 8)])
        obj = model.from_dict(payload)
        times = interleaved(
            {"qiskit-models to_dict": obj.to_dict, "marshmallow Schema.dump": lambda: schema.dump(obj)}, repeat
        )
        report(f"{name} to_dict", times, "qiskit-models to_dict", [("marshmallow Schema.dump", "faster by", 8)])


def retained(function: Callable[[], Any]) -> int:
    """Bytes still allocated after ``function`` returns, held by what it returned."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    value = function()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del value
    return after - before


def case_memory(corpus: Path) -> None:
    from qiskit_models.providers.models.backendproperties import BackendProperties
    from qiskit_models.validation import _datetime

    text = (corpus / "backend_properties" / "sherbrooke.json").read_bytes()
    parsed = retained(lambda: json.loads(text))
    _datetime._DATETIMES.clear()  # count the date-times the load creates, too
    loaded = retained(lambda: BackendProperties.from_dict(json.loads(text)))
    ratio = loaded / parsed
    ok = ratio <= 1.3
    print("\nMemory retained by one loaded 127-qubit BackendProperties (sherbrooke)")
    print(f"  parsed JSON dict                       {parsed / 1024:10.1f} KiB")
    print(f"  BackendProperties.from_dict(...)       {loaded / 1024:10.1f} KiB (date-time cache included)")
    print(f"  -> ratio = {ratio:.2f}x   (target: at most 1.3x)   {'PASS' if ok else 'FAIL'}")
    RESULTS.append(("memory of a loaded BackendProperties vs parsed JSON", ok))


def doubled(payload: Dict[str, Any]) -> Dict[str, Any]:
    """The same device with twice the qubits: every qubit and gate repeated on new indexes."""
    count = len(payload["qubits"])
    bigger = copy.deepcopy(payload)
    bigger["qubits"] = payload["qubits"] + copy.deepcopy(payload["qubits"])
    extra = copy.deepcopy(payload["gates"])
    for gate in extra:
        gate["qubits"] = [qubit + count for qubit in gate["qubits"]]
        gate["name"] = f"{gate.get('name', gate['gate'])}_copy"
    bigger["gates"] = payload["gates"] + extra
    return bigger


def case_scaling(corpus: Path, repeat: int) -> None:
    from qiskit_models.providers.models.backendproperties import BackendProperties

    payload = load(corpus / "backend_properties" / "sherbrooke.json")
    big = doubled(payload)
    times = interleaved(
        {
            f"from_dict, {len(payload['qubits'])} qubits": lambda: BackendProperties.from_dict(payload),
            f"from_dict, {len(big['qubits'])} qubits": lambda: BackendProperties.from_dict(big),
        },
        repeat,
    )
    small_name, big_name = list(times)
    report("Scaling: BackendProperties.from_dict with twice the qubits", times, big_name, [(small_name, "at most", 2.2)])


def case_import(repeat: int) -> None:
    def timed(module: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        return time.perf_counter() - started

    timed("qiskit_models")  # compile the bytecode once
    samples: Dict[str, List[float]] = {'python -c "import qiskit_models"': [], 'python -c "import marshmallow"': []}
    for _ in range(max(5, repeat // 2)):
        samples['python -c "import qiskit_models"'].append(timed("qiskit_models"))
        samples['python -c "import marshmallow"'].append(timed("marshmallow"))
    times = {name: statistics.median(values) for name, values in samples.items()}
    report("Import time", times, 'python -c "import qiskit_models"', [('python -c "import marshmallow"', "at most", 1.5)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="runs per measurement (default 30)")
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus", help="the payload corpus")
    args = parser.parse_args()
    set_fast_path(True)
    print(f"qiskit-models {qiskit_models.__version__}, Python {sys.version.split()[0]}, corpus {args.corpus}")
    case_properties(args.corpus, args.repeat)
    case_jobstatus(args.repeat)
    case_pulse(args.corpus, args.repeat)
    case_memory(args.corpus)
    case_scaling(args.corpus, args.repeat)
    case_import(args.repeat)
    failed = [name for name, ok in RESULTS if not ok]
    print(f"\n{len(RESULTS) - len(failed)} of {len(RESULTS)} targets met")
    for name in failed:
        print(f"  not met: {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
