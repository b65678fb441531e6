"""Provider models: the legacy weaknesses fixed (W7, W8, W18, W20, W22, W24, W25) and the decisions made."""

from __future__ import annotations

import copy
import datetime
import inspect
import pickle

import pytest

from conftest import CORPUS, load_json
from qiskit_models import (
    AcquireChannel,
    BackendConfiguration,
    BackendConfigurationError,
    BackendProperties,
    BackendPropertyError,
    Command,
    ControlChannel,
    DriveChannel,
    GateConfig,
    MeasureChannel,
    ModelValidationError,
    Nduv,
    PulseBackendConfiguration,
    PulseDefaults,
    PulseLibraryItem,
    PulseQobjInstruction,
    QasmBackendConfiguration,
    UchannelLO,
)
from qiskit_models.compare import payload_differences
from qiskit_models.kinds import detect_model, find_model
from qiskit_models.providers.models.backendproperties import apply_prefix
from qiskit_models.validation.base import _plain_init  # noqa: F401 - the marker the models use

PULSE_EXAMPLE = CORPUS / "backend_configuration" / "schema_example_openpulse.json"
DEFAULTS_EXAMPLE = CORPUS / "pulse_defaults" / "schema_example.json"
PROPERTIES_EXAMPLE = CORPUS / "backend_properties" / "schema_example.json"


def errors_of(function):
    with pytest.raises(ModelValidationError) as caught:
        function()
    return caught.value.messages


# -- signatures and plain inits ----------------------------------------------------


@pytest.mark.parametrize(
    "model,parameters",
    [
        (Nduv, ["date", "name", "unit", "value", "kwargs"]),
        (BackendProperties, ["backend_name", "backend_version", "last_update_date", "qubits", "gates", "general", "kwargs"]),
        (GateConfig, ["name", "parameters", "qasm_def", "kwargs"]),
        (UchannelLO, ["q", "scale", "kwargs"]),
        (Command, ["name", "kwargs"]),
        (
            PulseBackendConfiguration,
            ["backend_name", "backend_version", "n_qubits", "basis_gates", "gates", "local", "simulator",
             "conditional", "open_pulse", "memory", "max_shots", "n_uchannels", "u_channel_lo", "meas_levels",
             "qubit_lo_range", "meas_lo_range", "dt", "dtm", "rep_times", "meas_kernels", "discriminators",
             "hamiltonian", "kwargs"],
        ),
        (PulseDefaults, ["qubit_freq_est", "meas_freq_est", "buffer", "pulse_library", "cmd_def", "kwargs"]),
    ],
)
def test_constructor_signatures_are_the_legacy_ones(model, parameters):
    assert list(inspect.signature(inspect.unwrap(model.__init__)).parameters)[1:] == parameters


@pytest.mark.parametrize(
    "model,plain",
    [(BackendProperties, True), (Nduv, True), (QasmBackendConfiguration, True), (BackendConfiguration, True),
     (GateConfig, True), (UchannelLO, True), (Command, True), (PulseQobjInstruction, True), (PulseLibraryItem, True),
     (PulseBackendConfiguration, False), (PulseDefaults, False)],
)
def test_only_the_unit_converting_models_run_their_init_on_load(model, plain):
    assert getattr(model.__init__, "__qm_plain__", False) is plain


def test_positional_arguments_are_accepted():
    date = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    assert Nduv(date, "T1", "us", 50) == Nduv(date=date, name="T1", unit="us", value=50)
    assert UchannelLO(0, 1j).scale == 1j


# -- BackendProperties: lazy indexes (W8) and units (W20) -----------------------


def test_indexes_are_built_on_first_use_and_never_from_the_payload():
    payload = load_json(PROPERTIES_EXAMPLE)
    properties = BackendProperties.from_dict({**payload, "_qubits": "x", "_gates": "y"})
    assert "_qubits" not in properties.__dict__ and "_gates" not in properties.__dict__
    assert properties["_qubits"] == "x" and properties["_gates"] == "y"
    assert properties.t1(0) == payload["qubits"][0][0]["value"] * 1e-6
    assert isinstance(properties._qubits, dict) and "_qubits" in properties.__dict__
    dumped = properties.to_dict()
    assert dumped["_qubits"] == "x" and dumped["_gates"] == "y"
    assert properties == BackendProperties.from_dict({**payload, "_qubits": "x", "_gates": "y"})
    built = {key: getattr(properties, key) for key in ("last_update_date", "qubits", "gates", "general")}
    constructed = BackendProperties(**{**payload, **built, "_qubits": "x"})
    assert constructed["_qubits"] == "x" and constructed._qubits == properties._qubits


def test_indexes_are_rebuilt_after_deleting_them():
    properties = BackendProperties.from_dict(load_json(PROPERTIES_EXAMPLE))
    before = properties.t1(0)
    properties.qubits[0][0].value = 1.0
    assert properties.t1(0) == before  # not updated ...
    del properties._qubits
    assert properties.t1(0) == 1.0 * 1e-6  # ... until rebuilt


@pytest.mark.parametrize(
    "unit,value,expected",
    [("", 0.5, 0.5), ("s", 2.5, 2.5), ("Hz", 7, 7), ("K", 0.02, 0.02), ("dBm", -3.0, -3.0), ("mK", 15.0, 15.0 * 1e-3),
     ("us", 71.9500421005539, 71.9500421005539 * 1e-6), ("\u03bcs", 71.9500421005539, 7.195004210055389e-05),
     ("\u00b5s", 71.9500421005539, 7.195004210055389e-05), ("ns", 35.5, 35.5 * 1e-9),
     ("GHz", 5.25, 5.25 * 1e9), ("kHz", 3, 3000.0), ("ps", 1, 1e-12), ("MHz", 2, 2e6)],
)
def test_units_the_helpers_understand(unit, value, expected):
    assert apply_prefix(value, unit) == expected


@pytest.mark.parametrize("unit", ["ws", "min", "x", "Gfoo", "dB m"])
def test_units_the_helpers_do_not_understand(unit):
    with pytest.raises(BackendPropertyError, match=f"Could not understand units: {unit}"):
        apply_prefix(1.0, unit)


def test_unknown_units_never_make_loading_fail_and_helpers_return_the_value_as_given():
    payload = load_json(PROPERTIES_EXAMPLE)
    payload["qubits"][0][0] = {**payload["qubits"][0][0], "name": "T1", "unit": "s", "value": 0.0001}
    payload["qubits"][1][0] = {**payload["qubits"][1][0], "name": "T1", "unit": "ws", "value": 12.5}
    payload["gates"][0]["parameters"][0] = {**payload["gates"][0]["parameters"][0], "unit": "dBm", "value": -2}
    properties = BackendProperties.from_dict(payload)
    assert payload_differences(payload, properties.to_dict()) == []
    assert properties.t1(0) == 0.0001
    assert properties.t1(1) == 12.5
    gate = payload["gates"][0]
    assert properties.gate_property(gate["gate"], gate["qubits"], gate["parameters"][0]["name"])[0] == -2


def test_helper_errors():
    properties = BackendProperties.from_dict(load_json(PROPERTIES_EXAMPLE))
    with pytest.raises(BackendPropertyError, match="Couldn't find the property 'T9' for qubit 0."):
        properties.qubit_property(0, "T9")
    with pytest.raises(BackendPropertyError, match="Couldn't find the properties for qubit 99."):
        properties.qubit_property(99)
    with pytest.raises(BackendPropertyError, match="Could not find the desired property for nope"):
        properties.gate_property("nope")
    with pytest.raises(BackendPropertyError, match="Could not find the desired property for cx"):
        properties.gate_property("cx", [[0]], "gate_error")  # unhashable qubits: no raw TypeError


# -- configurations ------------------------------------------------------------------


def test_num_qubits_key_is_kept_aside_and_does_not_hide_the_property():  # W7
    payload = {**load_json(PULSE_EXAMPLE), "num_qubits": 99}
    config = PulseBackendConfiguration.from_dict(payload)
    assert config.num_qubits == payload["n_qubits"] == 3
    assert config["num_qubits"] == 99
    assert config.to_dict()["num_qubits"] == 99


@pytest.mark.parametrize("key", ["u_channel_lo", "dt", "rep_times", "meas_kernels", "n_uchannels"])
def test_a_missing_pulse_field_is_a_validation_error_naming_it(key, both_paths):  # W18
    payload = load_json(PULSE_EXAMPLE)
    del payload[key]
    assert errors_of(lambda: PulseBackendConfiguration.from_dict(payload)) == {key: ["Missing data for required field."]}


def test_a_bad_value_given_without_validation_is_still_a_validation_error():  # W18b
    config = PulseBackendConfiguration.from_dict(load_json(PULSE_EXAMPLE))
    arguments = {**config.to_dict(), "gates": config.gates, "u_channel_lo": config.u_channel_lo}
    for key, value in [("qubit_lo_range", [[1.0, 2.0, 3.0]]), ("dt", "fast"), ("rep_times", 5), ("meas_lo_range", [7])]:
        messages = errors_of(lambda: PulseBackendConfiguration(**{**arguments, key: value}, validate=False))
        assert list(messages) == [key]
        assert list(errors_of(lambda: PulseBackendConfiguration(**{**arguments, key: value}))) == [key]


def test_pulse_data_in_a_qasm_configuration_is_kept_as_sent():
    payload = load_json(CORPUS / "backend_configuration" / "oslo.json")
    assert payload["open_pulse"] is False and "u_channel_lo" in payload
    config = QasmBackendConfiguration.from_dict(payload)
    assert config.dt == payload["dt"] and config.u_channel_lo == payload["u_channel_lo"]
    assert errors_of(lambda: PulseBackendConfiguration.from_dict(payload)) == {
        "open_pulse": ["Must be one of: True (got False)."]
    }
    assert errors_of(lambda: QasmBackendConfiguration.from_dict(load_json(PULSE_EXAMPLE))) == {
        "open_pulse": ["Must be one of: False (got True)."]
    }
    assert type(BackendConfiguration.from_dict(payload)) is BackendConfiguration


@pytest.mark.parametrize("value", [None, "absent"])
def test_coupling_map_may_be_null_or_absent(value):  # W22
    payload = load_json(CORPUS / "backend_configuration" / "schema_example_openqasm.json")
    if value == "absent":
        del payload["coupling_map"]
    else:
        payload["coupling_map"] = None
    config = QasmBackendConfiguration.from_dict(payload)
    assert payload_differences(payload, config.to_dict()) == []
    assert errors_of(lambda: QasmBackendConfiguration.from_dict({**payload, "coupling_map": []})) == {
        "coupling_map": ["Shorter than minimum length 1."]
    }


def test_null_parameters_and_qasm_def_of_a_gate():
    gate = GateConfig.from_dict({"name": "reset", "parameters": None, "qasm_def": None})
    assert gate.parameters is None and gate.qasm_def is None
    assert errors_of(lambda: GateConfig.from_dict({"name": "reset", "parameters": None})) == {
        "qasm_def": ["Missing data for required field."]
    }


@pytest.mark.parametrize("revision", [3, 5.11, "5.11", "1"])
def test_processor_type_revision_of_any_type(revision):
    payload = {**load_json(PULSE_EXAMPLE), "processor_type": {"family": "Falcon", "revision": revision}}
    config = PulseBackendConfiguration.from_dict(payload)
    assert config.processor_type == {"family": "Falcon", "revision": revision}
    assert payload_differences(payload, config.to_dict()) == []


def test_u_channel_lo_may_be_empty_and_scale_may_be_a_python_complex():
    payload = {**load_json(PULSE_EXAMPLE), "u_channel_lo": [], "n_uchannels": 0}
    assert PulseBackendConfiguration.from_dict(payload).u_channel_lo == []
    assert UchannelLO.from_dict({"q": 1, "scale": 0.5 - 1j}).scale == 0.5 - 1j
    assert UchannelLO.from_dict({"q": 1, "scale": [0.5, -1]}).to_dict() == {"q": 1, "scale": [0.5, -1.0]}
    assert errors_of(lambda: UchannelLO(q=1, scale=[0.5, -1])) == {
        "scale": ["Value [0.5, -1] <class 'list'>: is not the expected type <class 'complex'>"]
    }


def test_wire_units_on_load_on_dump_and_after_changes():  # W24
    payload = load_json(PULSE_EXAMPLE)
    config = PulseBackendConfiguration.from_dict(payload)
    assert (payload["dt"], payload["rep_times"]) == (1, [1000, 100, 50])
    assert config.dt == 1e-9 and config.rep_times == [1000 * 1e-6, 100 * 1e-6, 50 * 1e-6]
    assert config.qubit_lo_range[0] == [payload["qubit_lo_range"][0][0] * 1e9, payload["qubit_lo_range"][0][1] * 1e9]
    dumped = config.to_dict()
    assert dumped["dt"] == 1 and type(dumped["dt"]) is int and dumped["rep_times"] == [1000, 100, 50]
    assert PulseBackendConfiguration.from_dict(dumped) == config
    config.dt = 2.5e-10
    config.rep_times.append(0.001)
    config.qubit_lo_range[0][1] = 5.5e9
    dumped = config.to_dict()
    assert dumped["dt"] == 0.25 and dumped["rep_times"] == [1000.0, 100.0, 50.0, 1000.0]
    assert dumped["qubit_lo_range"][0][1] == 5.5 and dumped["dtm"] == payload["dtm"]
    assert PulseBackendConfiguration.from_dict(dumped) == config
    del config.dtm
    assert "dtm" not in config.to_dict()


def test_defaults_frequencies_in_ghz_on_the_wire():  # W24
    payload = load_json(DEFAULTS_EXAMPLE)
    defaults = PulseDefaults.from_dict(payload)
    assert defaults.qubit_freq_est == [value * 1e9 for value in payload["qubit_freq_est"]]
    assert defaults.to_dict()["qubit_freq_est"] == payload["qubit_freq_est"]
    defaults.meas_freq_est = [7.0e9]
    assert defaults.to_dict()["meas_freq_est"] == [7.0]
    assert PulseDefaults.from_dict(defaults.to_dict()) == defaults


@pytest.mark.parametrize("path", [PULSE_EXAMPLE, DEFAULTS_EXAMPLE])
def test_copies_and_pickles_do_not_convert_again(path):  # W25
    payload = load_json(path)
    model = detect_model(payload)
    loaded = model.from_dict(payload)
    for clone in (copy.copy(loaded), copy.deepcopy(loaded), pickle.loads(pickle.dumps(loaded))):
        assert clone == loaded
        assert payload_differences(payload, clone.to_dict()) == []
    clone = copy.deepcopy(loaded)
    if model is PulseBackendConfiguration:
        clone.rep_times.append(1.0)
        assert loaded.to_dict()["rep_times"] == payload["rep_times"]
        assert clone.dt == loaded.dt == payload["dt"] * 1e-9


def test_hamiltonian_absent_null_and_present():
    payload = load_json(PULSE_EXAMPLE)
    assert "hamiltonian" in payload
    for variant in ({**payload, "hamiltonian": None}, {k: v for k, v in payload.items() if k != "hamiltonian"},
                    {**payload, "hamiltonian": 5}):
        config = PulseBackendConfiguration.from_dict(variant)
        assert config.hamiltonian == variant.get("hamiltonian")
        assert payload_differences(variant, config.to_dict()) == []


# -- channels --------------------------------------------------------------------------


def test_channels():
    assert DriveChannel(3) == DriveChannel(3) and DriveChannel(3) != DriveChannel(4)
    assert DriveChannel(0) != ControlChannel(0) and hash(DriveChannel(2)) == hash(DriveChannel(2))
    assert [c.name for c in (DriveChannel(0), MeasureChannel(1), AcquireChannel(2), ControlChannel(3))] == [
        "d0", "m1", "a2", "u3"
    ]
    assert repr(ControlChannel(5)) == "ControlChannel(5)" and pickle.loads(pickle.dumps(MeasureChannel(1))) == MeasureChannel(1)
    for bad in (-1, 1.5, True, "0"):
        with pytest.raises(ValueError):
            DriveChannel(bad)


def test_channel_helpers_check_their_index():
    config = PulseBackendConfiguration.from_dict(load_json(PULSE_EXAMPLE))
    for helper, message in ((config.drive, "system."), (config.measure, "system."), (config.acquire, "systems.")):
        for bad in (-1, 3, True, "0", None):
            with pytest.raises(BackendConfigurationError, match=f"Invalid index for {bad}-qubit {message}"):
                helper(bad)
    assert config.control(7) == ControlChannel(7)
    with pytest.raises(BackendConfigurationError):
        config.control(-1)
    with pytest.raises(BackendConfigurationError, match="Can only describe ControlChannels."):
        config.describe(DriveChannel(0))
    with pytest.raises(BackendConfigurationError, match="Invalid index for control channel 2"):
        config.describe(ControlChannel(2))


# -- pulse defaults content ----------------------------------------------------------


def test_sequence_items_are_kept_exactly():
    item = {"name": "parametric_pulse", "t0": 0, "ch": "d0", "label": "X90p_d0", "pulse_shape": "drag",
            "parameters": {"amp": [0.1, -0.002], "beta": -0.5, "duration": 160, "sigma": 40}}
    instruction = PulseQobjInstruction.from_dict(item)
    assert instruction.parameters == item["parameters"] and instruction.parameters["amp"] == [0.1, -0.002]
    assert instruction.to_dict() == item
    fc = PulseQobjInstruction.from_dict({"name": "fc", "t0": 0, "ch": "u1", "phase": "-(P0)"})
    assert fc.phase == "-(P0)" and PulseQobjInstruction.from_dict({"name": "fc", "t0": 0, "phase": 1}).phase == 1
    assert errors_of(lambda: PulseQobjInstruction.from_dict({"name": "fc", "t0": -1, "ch": "x0"})) == {
        "t0": ["Must be greater than or equal to 0."],
        "ch": ["String does not match expected pattern."],
    }


def test_a_command_without_sequence_or_qubits_loads():  # W18 for defaults
    defaults = PulseDefaults.from_dict({**load_json(DEFAULTS_EXAMPLE), "cmd_def": [{"name": "x"}]})
    assert defaults.cmd_def[0].name == "x" and "sequence" not in defaults.cmd_def[0]
    assert "Multi qubit instructions" in str(defaults)


def test_pulse_library_samples_are_complex():
    item = PulseLibraryItem.from_dict({"name": "p", "samples": [[0, 1], [0.5, -0.5]]})
    assert item.samples == [1j, 0.5 - 0.5j]
    assert PulseLibraryItem(name="p", samples=[1j, 0.5 + 0j]).to_dict() == {"name": "p", "samples": [[0.0, 1.0], [0.5, 0.0]]}
    assert errors_of(lambda: PulseLibraryItem.from_dict({"name": "p", "samples": []})) == {
        "samples": ["Shorter than minimum length 1."]
    }


# -- kinds -----------------------------------------------------------------------------


def test_kinds():
    assert detect_model(load_json(PROPERTIES_EXAMPLE)) is BackendProperties
    assert detect_model(load_json(DEFAULTS_EXAMPLE)) is PulseDefaults
    assert detect_model(load_json(PULSE_EXAMPLE)) is PulseBackendConfiguration
    assert detect_model({**load_json(PULSE_EXAMPLE), "open_pulse": False}) is QasmBackendConfiguration
    assert detect_model({**load_json(PULSE_EXAMPLE), "open_pulse": "yes"}) is QasmBackendConfiguration
    assert find_model("pulse_defaults") is PulseDefaults and find_model("PulseBackendConfiguration") is PulseBackendConfiguration
    assert find_model("backend_configuration") is QasmBackendConfiguration
