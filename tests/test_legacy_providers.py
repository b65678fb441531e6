"""The legacy provider-model tests (spec sections 5.6 to 5.9), without the pulse-schedule parts.

Legacy built its 2-qubit pulse backend with the constructor (``FakeOpenPulse2Q``)
and read ourense's properties; the fixtures here are written for these tests in
the same way, and the properties come from burlington, a device of the same
5-qubit layout in the corpus.
"""

from __future__ import annotations

import datetime
import math

import pytest

from conftest import CORPUS, load_json
from qiskit_models import (
    AcquireChannel,
    BackendConfigurationError,
    BackendProperties,
    BackendPropertyError,
    BackendStatus,
    Command,
    ControlChannel,
    DriveChannel,
    Gate,
    GateConfig,
    JobStatus,
    MeasureChannel,
    ModelValidationError,
    Nduv,
    PulseBackendConfiguration,
    PulseDefaults,
    QasmBackendConfiguration,
    UchannelLO,
)
from qiskit_models.compare import payload_differences

HAMILTONIAN = {
    "h_str": ["_SUM[i,0,1,wq{i}/2*(I{i}-Z{i})]", "_SUM[i,0,1,omegad{i}*X{i}||D{i}]", "jq0q1*Sp0*Sm1"],
    "description": "A hamiltonian for a mocked 2Q device, with 1Q and 2Q terms.",
    "qub": {"0": 2, "1": 2},
    "vars": {"wq0": 30.1, "wq1": 31.4, "omegad0": 0.02, "omegad1": 0.03, "jq0q1": 0.005},
}


def fake_openpulse_2q(**overrides):
    """A 2-qubit pulse configuration built with the constructor, as legacy's fake backend."""
    arguments = dict(
        backend_name="fake_openpulse_2q",
        backend_version="0.0.0",
        n_qubits=2,
        meas_levels=[0, 1, 2],
        basis_gates=["u1", "u2", "u3", "cx", "id"],
        simulator=False,
        local=True,
        conditional=True,
        open_pulse=True,
        memory=False,
        max_shots=65536,
        gates=[GateConfig(name="TODO", parameters=[], qasm_def="TODO")],
        coupling_map=[[0, 1]],
        n_registers=2,
        n_uchannels=2,
        u_channel_lo=[
            [UchannelLO(q=0, scale=1.0 + 0.0j)],
            [UchannelLO(q=0, scale=-1.0 + 0.0j), UchannelLO(q=1, scale=1.0 + 0.0j)],
        ],
        qubit_lo_range=[[4.5, 5.5], [4.5, 5.5]],
        meas_lo_range=[[6.0, 7.0], [6.0, 7.0]],
        dt=1.3333,
        dtm=10.5,
        rep_times=[100, 250, 500, 1000],
        meas_map=[[0, 1]],
        channel_bandwidth=[[-0.2, 0.4], [-0.3, 0.3], [-0.3, 0.3], [-0.02, 0.02], [-0.02, 0.02], [-0.02, 0.02]],
        meas_kernels=["kernel1"],
        discriminators=["max_1Q_fidelity"],
        acquisition_latency=[[100, 100], [100, 100]],
        conditional_latency=[[100, 1000], [1000, 100], [100, 1000], [1000, 100]],
        hamiltonian=HAMILTONIAN,
    )
    arguments.update(overrides)
    return PulseBackendConfiguration(**arguments)


# -- 5.6 test_backendconfiguration ---------------------------------------------


@pytest.fixture
def config():
    return fake_openpulse_2q()


def test_simple_config(config):
    assert config.dt == 1.3333 * 1e-9
    assert config.dtm == 10.5 * 1e-9
    assert config.basis_gates == ["u1", "u2", "u3", "cx", "id"]


def test_sample_rate(config):
    assert config.sample_rate == 1.0 / config.dt
    assert config.sample_rate == 1.0 / (1.3333 * 1e-9)


def test_hamiltonian(config):
    assert config.hamiltonian["description"] == "A hamiltonian for a mocked 2Q device, with 1Q and 2Q terms."
    without = fake_openpulse_2q(n_qubits=3, hamiltonian=None)
    assert without.hamiltonian is None
    arguments = {key: value for key, value in config.to_dict().items() if key != "hamiltonian"}
    omitted = PulseBackendConfiguration.from_dict(arguments)
    assert omitted.hamiltonian is None
    assert "hamiltonian" not in omitted and "hamiltonian" not in omitted.to_dict()


def test_get_channels(config):
    assert config.drive(0) == DriveChannel(0)
    assert config.measure(1) == MeasureChannel(1)
    assert config.acquire(0) == AcquireChannel(0)
    with pytest.raises(BackendConfigurationError, match=r"^Invalid index for 10-qubit systems\.$"):
        config.acquire(10)
    assert config.control(0) == ControlChannel(0)


def test_get_rep_times(config):
    us = [100, 250, 500, 1000]
    assert len(config.rep_times) == len(us)
    for seconds, micro in zip(config.rep_times, us):
        assert seconds == micro * 1e-6
        assert round(seconds * 1e6) == micro


# -- 5.7 test_backendproperties --------------------------------------------------


@pytest.fixture(scope="module")
def properties():
    return BackendProperties.from_dict(load_json(CORPUS / "backend_properties" / "burlington.json"))


def test_gate_property(properties):
    assert properties.gate_property("cx", (0, 1), "gate_error") == properties._gates["cx"][(0, 1)]["gate_error"]
    assert properties.gate_property("cx") == properties._gates["cx"]
    with pytest.raises(BackendPropertyError, match="Provide qubits to get gate_error of u1"):
        properties.gate_property("u1", None, "gate_error")


def test_gate_error(properties):
    assert properties.gate_error("u1", 1) == properties._gates["u1"][(1,)]["gate_error"][0]
    assert properties.gate_error("u1", [2]) == properties._gates["u1"][(2,)]["gate_error"][0]
    assert properties.gate_error("cx", [0, 1]) == properties._gates["cx"][(0, 1)]["gate_error"][0]
    with pytest.raises(BackendPropertyError, match="Could not find the desired property for cx"):
        properties.gate_error("cx", 0)


def test_gate_length(properties):
    assert properties.gate_length("u1", 1) == properties._gates["u1"][(1,)]["gate_length"][0]
    assert properties.gate_length("cx", [4, 3]) == properties._gates["cx"][(4, 3)]["gate_length"][0]


def test_qubit_property(properties):
    assert properties.qubit_property(0, "T1") == properties._qubits[0]["T1"]
    assert properties.qubit_property(0, "frequency") == properties._qubits[0]["frequency"]
    assert properties.qubit_property(0) == properties._qubits[0]
    with pytest.raises(BackendPropertyError, match="Couldn't find the properties for qubit T1."):
        properties.qubit_property("T1")


def test_t1(properties):
    assert properties.t1(0) == properties._qubits[0]["T1"][0]


def test_t2(properties):
    assert properties.t2(0) == properties._qubits[0]["T2"][0]


def test_frequency(properties):
    assert properties.frequency(0) == properties._qubits[0]["frequency"][0]


def test_readout_error(properties):
    assert properties.readout_error(0) == properties._qubits[0]["readout_error"][0]


def test_apply_prefix(properties):
    assert properties._apply_prefix(71.9500421005539, "µs") == 7.195004210055389e-05
    assert properties._apply_prefix(71.9500421005539, "ms") == 0.0719500421005539
    with pytest.raises(BackendPropertyError, match="Could not understand units: ws"):
        properties._apply_prefix(71.9500421005539, "ws")


def test_helpers_return_si_values_of_the_payload(properties):
    payload = load_json(CORPUS / "backend_properties" / "burlington.json")
    t1 = next(item for item in payload["qubits"][0] if item["name"] == "T1")
    assert t1["unit"] == "µs"
    assert properties.t1(0) == t1["value"] * 1e-6
    cx = next(gate for gate in payload["gates"] if gate["gate"] == "cx" and gate["qubits"] == [4, 3])
    length = next(item for item in cx["parameters"] if item["name"] == "gate_length")
    assert length["unit"] == "ns"
    assert properties.gate_length("cx", (4, 3)) == length["value"] * 1e-9
    assert properties._qubits[0]["T1"][1] == datetime.datetime.fromisoformat(t1["date"])


# -- 5.8 test_pulse_defaults -------------------------------------------------------


def _defaults_payload():
    def command(name, qubits, sequence):
        return Command.from_dict({"name": name, "qubits": qubits, "sequence": sequence}).to_dict()

    return {
        "qubit_freq_est": [4.9, 5.0],
        "meas_freq_est": [6.5, 6.6],
        "buffer": 10,
        "pulse_library": [
            {"name": "test_pulse_1", "samples": [[0.0, 0.0], [0.0, 0.1]]},
            {"name": "test_pulse_2", "samples": [[0.0, 0.0], [0.0, 0.1], [0.0, 1.0]]},
        ],
        "cmd_def": [
            command("u1", [0], [{"name": "fc", "ch": "d0", "t0": 0, "phase": "-P0"}]),
            command("u1", [1], [{"name": "fc", "ch": "d1", "t0": 0, "phase": "-P0"}]),
            command("u3", [0], [{"name": "test_pulse_1", "ch": "d0", "t0": 0}]),
            command("u3", [1], [{"name": "test_pulse_2", "ch": "d1", "t0": 0}]),
            command(
                "cx",
                [0, 1],
                [
                    {"name": "test_pulse_1", "ch": "d0", "t0": 0},
                    {"name": "test_pulse_2", "ch": "u0", "t0": 10},
                    {"name": "pv", "ch": "d1", "t0": 2, "val": "cos(P2)"},
                ],
            ),
            command(
                "measure",
                [0, 1],
                [
                    {"name": "test_pulse_1", "ch": "m0", "t0": 0},
                    {"name": "acquire", "duration": 10, "t0": 0, "qubits": [0, 1], "memory_slot": [0, 1]},
                ],
            ),
        ],
    }


@pytest.fixture
def defaults():
    return PulseDefaults.from_dict(_defaults_payload())


def test_buffer(defaults):
    assert defaults.buffer == 10


def test_freq_est(defaults):
    assert defaults.qubit_freq_est[1] == 5.0e9
    assert defaults.meas_freq_est[0] == 6.5e9


def test_default_building_data_is_complete(defaults):
    # Legacy built an InstructionScheduleMap here; the data it came from is all kept.
    assert [(c.name, c.qubits) for c in defaults.cmd_def] == [
        ("u1", [0]), ("u1", [1]), ("u3", [0]), ("u3", [1]), ("cx", [0, 1]), ("measure", [0, 1])
    ]
    assert defaults.cmd_def[0].sequence[0].phase == "-P0"
    assert defaults.pulse_library[1].samples == [0j, 0.1j, 1j]
    assert payload_differences(_defaults_payload(), defaults.to_dict()) == []


def test_str(defaults):
    text = str(defaults)
    assert text[:61] == "<PulseDefaults(<InstructionScheduleMap(1Q instructions:\n  q0:"
    assert text.find("Multi qubit instructions:\n  (0, 1): ") >= 70
    assert text.find("Qubit Frequencies [GHz]\n[4.9, 5.0]\nMeasurement Frequencies [GHz]\n[6.5, 6.6] )>") >= 100
    assert text == (
        "<PulseDefaults(<InstructionScheduleMap(1Q instructions:\n"
        "  q0: {'u1', 'u3'}\n  q1: {'u1', 'u3'}\n"
        "Multi qubit instructions:\n  (0, 1): {'cx', 'measure'}\n)>"
        "Qubit Frequencies [GHz]\n[4.9, 5.0]\nMeasurement Frequencies [GHz]\n[6.5, 6.6] )>"
    )


# -- 5.9 the schema examples and keyword construction -------------------------------


@pytest.mark.parametrize(
    "model,path",
    [
        (JobStatus, "job_status/schema_example.json"),
        (BackendStatus, "backend_status/schema_example.json"),
        (BackendProperties, "backend_properties/schema_example.json"),
        (PulseDefaults, "pulse_defaults/schema_example.json"),
        (QasmBackendConfiguration, "backend_configuration/schema_example_openqasm.json"),
        (QasmBackendConfiguration, "backend_configuration/schema_example_openqasm_simulator.json"),
        (PulseBackendConfiguration, "backend_configuration/schema_example_openpulse.json"),
    ],
)
def test_examples_are_valid(model, path):
    payload = load_json(CORPUS / path)
    loaded = model.from_dict(payload)
    assert type(loaded) is model
    assert payload_differences(payload, loaded.to_dict()) == []


def test_simulator_example_has_no_coupling_map_and_loads():  # W22
    payload = load_json(CORPUS / "backend_configuration" / "schema_example_openqasm_simulator.json")
    assert "coupling_map" not in payload
    loaded = QasmBackendConfiguration.from_dict(payload)
    assert "coupling_map" not in loaded and not hasattr(loaded, "coupling_map")
    assert loaded.n_qubits == 32 and loaded.simulator is True


def test_keyword_construction_as_the_transpiler_tests_do():
    date = datetime.datetime(2019, 2, 11, 13, 10, 42, tzinfo=datetime.timezone.utc)
    qubits = [
        [
            Nduv(name="T1", date=date, unit="µs", value=10.0),
            Nduv(name="T2", date=date, unit="µs", value=10.0),
            Nduv(name="frequency", date=date, unit="GHz", value=5.0),
            Nduv(name="readout_error", date=date, unit="", value=0.05),
        ]
        for _ in range(2)
    ]
    gates = [
        Gate(name="CX0_1", gate="cx", parameters=[Nduv(name="gate_error", date=date, unit="", value=0.02),
                                                   Nduv(name="gate_length", date=date, unit="ns", value=300)],
             qubits=[0, 1]),
    ]
    properties = BackendProperties(
        backend_name="test", backend_version="1.0.0", last_update_date=date, qubits=qubits, gates=gates, general=[]
    )
    assert properties.t1(1) == 10.0 * 1e-6
    assert properties.frequency(0) == 5.0 * 1e9
    assert properties.readout_error(0) == 0.05
    assert properties.gate_error("cx", (0, 1)) == 0.02
    assert properties.gate_length("cx", [0, 1]) == 300 * 1e-9
    assert properties.to_dict()["gates"][0] == {
        "qubits": [0, 1],
        "gate": "cx",
        "parameters": [
            {"date": "2019-02-11T13:10:42+00:00", "name": "gate_error", "unit": "", "value": 0.02},
            {"date": "2019-02-11T13:10:42+00:00", "name": "gate_length", "unit": "ns", "value": 300},
        ],
        "name": "CX0_1",
    }
    assert BackendProperties.from_dict(properties.to_dict()) == properties


def test_configuration_attributes_may_be_changed_after_creation(config):
    config.parametric_pulses = ["gaussian"]
    config.meas_levels = [2]
    config.backend_name = "renamed"
    dumped = config.to_dict()
    assert dumped["parametric_pulses"] == ["gaussian"] and dumped["meas_levels"] == [2]
    assert dumped["backend_name"] == "renamed"


def test_missing_u_channel_lo_is_a_validation_error_on_both_paths(config):
    payload = config.to_dict()
    del payload["u_channel_lo"]
    with pytest.raises(ModelValidationError) as loaded:
        PulseBackendConfiguration.from_dict(payload)
    assert loaded.value.messages == {"u_channel_lo": ["Missing data for required field."]}
    arguments = {key: getattr(config, key) for key in ("gates",)}
    with pytest.raises(ModelValidationError) as constructed:
        PulseBackendConfiguration(**{**payload, **arguments})
    assert constructed.value.messages == {"u_channel_lo": ["Missing data for required field."]}


def test_three_item_lo_range_is_a_validation_error_on_both_paths(config):
    payload = config.to_dict()
    payload["qubit_lo_range"] = [[1.0, 2.0, 3.0], [4.5, 5.5]]
    with pytest.raises(ModelValidationError) as loaded:
        PulseBackendConfiguration.from_dict(payload)
    assert loaded.value.messages == {"qubit_lo_range": {0: ["Length must be 2."]}}
    with pytest.raises(ModelValidationError) as constructed:
        fake_openpulse_2q(qubit_lo_range=[[1.0, 2.0, 3.0], [4.5, 5.5]])
    assert constructed.value.messages == {"qubit_lo_range": {0: ["Length must be 2."]}}
    with pytest.raises(ModelValidationError) as unchecked:
        fake_openpulse_2q(qubit_lo_range=[[1.0, 2.0, 3.0]], validate=False)
    assert list(unchecked.value.messages) == ["qubit_lo_range"]


def test_sample_rate_is_exact_for_the_example():
    payload = load_json(CORPUS / "backend_configuration" / "schema_example_openpulse.json")
    loaded = PulseBackendConfiguration.from_dict(payload)
    assert loaded.dt == payload["dt"] * 1e-9
    assert math.isclose(loaded.sample_rate, 1e9 / payload["dt"])
