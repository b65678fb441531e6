"""Every properties, configuration and pulse-defaults file of the corpus.

Each file must load with the model of its kind, write back exactly (every key
at every level, numbers in the payload's own units), load again to an equal
model, survive copy and pickle, agree with the construct path, and the helper
methods must return the payload's values in SI units.
"""

from __future__ import annotations

import copy
import pickle

import pytest

from conftest import corpus_files, load_json
from qiskit_models import (
    BackendConfigurationError,
    BackendProperties,
    ControlChannel,
    DriveChannel,
    MeasureChannel,
    PulseBackendConfiguration,
    PulseDefaults,
    QasmBackendConfiguration,
)
from qiskit_models.compare import payload_differences
from qiskit_models.kinds import detect_model

FILES = (
    [("backend_properties", path) for path in corpus_files("backend_properties")]
    + [("backend_configuration", path) for path in corpus_files("backend_configuration")]
    + [("pulse_defaults", path) for path in corpus_files("pulse_defaults")]
)

#: The unit factors, written out independently of the package's table.
FACTORS = {"": 1, "us": 1e-6, "\u00b5s": 1e-6, "ns": 1e-9, "GHz": 1e9}

#: Fields that the constructor needs as built objects, per model.
BUILT = {
    BackendProperties: ("last_update_date", "qubits", "gates", "general"),
    QasmBackendConfiguration: ("gates", "online_date"),
    PulseBackendConfiguration: ("gates", "online_date", "u_channel_lo"),
    PulseDefaults: ("pulse_library", "cmd_def", "meas_kernel", "discriminator"),
}

def payload_of(path):
    return load_json(path)


def expected_model(kind, payload):
    if kind == "backend_properties":
        return BackendProperties
    if kind == "pulse_defaults":
        return PulseDefaults
    return PulseBackendConfiguration if payload["open_pulse"] else QasmBackendConfiguration


@pytest.mark.parametrize("kind,path", FILES, ids=[f"{kind}/{path.name}" for kind, path in FILES])
def test_corpus_file(kind, path, both_paths):
    payload = payload_of(path)
    model = expected_model(kind, payload)
    assert detect_model(payload) is model

    loaded = model.from_dict(payload)
    assert type(loaded) is model
    dumped = loaded.to_dict()
    assert payload_differences(payload, dumped) == []
    assert payload == load_json(path), "from_dict/to_dict changed the input"
    assert model.from_dict(dumped) == loaded

    for clone in (copy.deepcopy(loaded), pickle.loads(pickle.dumps(loaded))):
        assert type(clone) is model and clone == loaded
    assert payload_differences(payload, clone.to_dict()) == []

    arguments = {**payload, **{key: getattr(loaded, key) for key in BUILT[model] if key in payload}}
    assert model(**arguments) == loaded

    check_helpers(model, payload, loaded)


def check_helpers(model, payload, loaded):
    if model is BackendProperties:
        check_properties(payload, loaded)
    elif model is PulseBackendConfiguration:
        check_pulse_configuration(payload, loaded)
    elif model is QasmBackendConfiguration:
        check_qasm_configuration(payload, loaded)
    else:
        check_defaults(payload, loaded)


def check_properties(payload, properties):
    checked = 0
    helpers = {"T1": properties.t1, "T2": properties.t2, "frequency": properties.frequency,
               "readout_error": properties.readout_error}
    for qubit, items in enumerate(payload["qubits"]):
        for item in items:
            expected = item["value"] * FACTORS[item["unit"]] if item["unit"] else item["value"]
            assert properties.qubit_property(qubit, item["name"])[0] == expected
            if item["name"] in helpers:
                assert helpers[item["name"]](qubit) == expected
                checked += 1
    expected_gates = {}
    for gate in payload["gates"]:
        expected_gates[(gate["gate"], tuple(gate["qubits"]))] = {
            item["name"]: item["value"] * FACTORS[item["unit"]] if item["unit"] else item["value"]
            for item in gate["parameters"]
        }
    for (name, qubits), values in expected_gates.items():
        for prop, value in values.items():
            assert properties.gate_property(name, qubits, prop)[0] == value
        if "gate_error" in values:
            assert properties.gate_error(name, qubits) == values["gate_error"]
        if "gate_length" in values:
            assert properties.gate_length(name, list(qubits)) == values["gate_length"]
    assert checked >= len(payload["qubits"])


def check_qasm_configuration(payload, config):
    assert config.num_qubits == payload["n_qubits"]
    for key in ("dt", "dtm", "rep_times", "qubit_lo_range", "hamiltonian"):
        if key in payload:  # pulse data of a QASM configuration stays as sent
            assert getattr(config, key) == payload[key]


def check_pulse_configuration(payload, config):
    n_qubits = payload["n_qubits"]
    assert config.num_qubits == n_qubits
    assert config.dt == payload["dt"] * 1e-9 and config.dtm == payload["dtm"] * 1e-9
    assert config.sample_rate == 1.0 / (payload["dt"] * 1e-9)
    assert config.rep_times == [value * 1e-6 for value in payload["rep_times"]]
    for key in ("qubit_lo_range", "meas_lo_range"):
        assert getattr(config, key) == [[low * 1e9, high * 1e9] for low, high in payload[key]]
    assert config.hamiltonian == payload.get("hamiltonian")
    assert config.drive(n_qubits - 1) == DriveChannel(n_qubits - 1)
    assert config.measure(0) == MeasureChannel(0)
    with pytest.raises(BackendConfigurationError, match=f"Invalid index for {n_qubits}-qubit system."):
        config.drive(n_qubits)
    for index, los in enumerate(payload["u_channel_lo"]):
        expected = {DriveChannel(lo["q"]): complex(*lo["scale"]) for lo in los}
        assert config.describe(config.control(index)) == expected
    with pytest.raises(BackendConfigurationError):
        config.describe(ControlChannel(len(payload["u_channel_lo"])))


def check_defaults(payload, defaults):
    assert defaults.qubit_freq_est == [value * 1e9 for value in payload["qubit_freq_est"]]
    assert defaults.meas_freq_est == [value * 1e9 for value in payload["meas_freq_est"]]
    assert defaults.buffer == payload["buffer"]
    assert [command.name for command in defaults.cmd_def] == [command["name"] for command in payload["cmd_def"]]
    for command, raw in zip(defaults.cmd_def, payload["cmd_def"]):
        assert command.qubits == raw["qubits"]
        assert [item.name for item in command.sequence] == [item["name"] for item in raw["sequence"]]
    for item, raw in zip(defaults.pulse_library, payload["pulse_library"]):
        assert item.samples == [complex(re, im) for re, im in raw["samples"]]


def test_the_corpus_has_every_kind_and_shape():
    kinds = {kind for kind, _ in FILES}
    assert kinds == {"backend_properties", "backend_configuration", "pulse_defaults"}
    configurations = [payload_of(path) for kind, path in FILES if kind == "backend_configuration"]
    assert any(c["open_pulse"] for c in configurations) and any(not c["open_pulse"] for c in configurations)
    assert any(not c["open_pulse"] and "u_channel_lo" in c for c in configurations)
    assert any(c.get("coupling_map", 0) is None for c in configurations)
    assert any("coupling_map" not in c for c in configurations)
    assert len(FILES) == 89
