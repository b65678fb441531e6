"""pydantic v2 models equivalent to the qiskit-models schemas, for speed comparisons only.

They validate what the qiskit-models schemas validate on the benchmark
payloads: strict types (no string-to-number coercion, ``bool`` is not a
number), finite floats, the same required fields, lengths, ranges and
patterns, and unknown keys kept (``extra="allow"``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Dict, List, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr

Number = Union[StrictInt, StrictFloat]
NonNegativeInt = Annotated[StrictInt, Field(ge=0)]
Version = Annotated[StrictStr, Field(pattern=r"^[0-9]+.[0-9]+.[0-9]+$")]
ComplexPair = Annotated[List[Number], Field(min_length=2, max_length=2)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", allow_inf_nan=False, strict=True)


class JobStatus(_Model):
    job_id: StrictStr
    status: Literal["INITIALIZING", "QUEUED", "VALIDATING", "RUNNING", "CANCELLED", "DONE", "ERROR"]
    status_msg: StrictStr


class Nduv(_Model):
    model_config = ConfigDict(extra="allow", allow_inf_nan=False, strict=False)
    date: datetime
    name: StrictStr
    unit: StrictStr
    value: Number


class Gate(_Model):
    qubits: Annotated[List[StrictInt], Field(min_length=1)]
    gate: StrictStr
    parameters: Annotated[List[Nduv], Field(min_length=1)]


class BackendProperties(_Model):
    model_config = ConfigDict(extra="allow", allow_inf_nan=False, strict=False)
    backend_name: StrictStr
    backend_version: Version
    last_update_date: datetime
    qubits: Annotated[List[Annotated[List[Nduv], Field(min_length=1)]], Field(min_length=1)]
    gates: Annotated[List[Gate], Field(min_length=1)]
    general: List[Nduv]


class GateConfig(_Model):
    name: StrictStr
    parameters: Optional[List[StrictStr]]
    qasm_def: Optional[StrictStr]
    coupling_map: Optional[Annotated[List[Annotated[List[StrictInt], Field(min_length=1)]], Field(min_length=1)]] = None
    latency_map: Optional[List[List[StrictInt]]] = None
    conditional: Optional[StrictBool] = None
    description: Optional[StrictStr] = None


class UchannelLO(_Model):
    q: NonNegativeInt
    scale: ComplexPair


class PulseBackendConfiguration(_Model):
    backend_name: StrictStr
    backend_version: Version
    n_qubits: Annotated[StrictInt, Field(ge=1)]
    basis_gates: List[StrictStr]
    gates: List[GateConfig]
    local: StrictBool
    simulator: StrictBool
    conditional: StrictBool
    open_pulse: StrictBool
    memory: StrictBool
    max_shots: Annotated[StrictInt, Field(ge=1)]
    coupling_map: Optional[Annotated[List[Annotated[List[StrictInt], Field(min_length=1)]], Field(min_length=1)]] = None
    max_experiments: Optional[Annotated[StrictInt, Field(ge=1)]] = None
    n_registers: Optional[Annotated[StrictInt, Field(ge=1)]] = None
    online_date: Optional[datetime] = None
    n_uchannels: NonNegativeInt
    u_channel_lo: List[List[UchannelLO]]
    meas_levels: Annotated[List[StrictInt], Field(min_length=1)]
    qubit_lo_range: List[Annotated[List[Annotated[Number, Field(ge=0)]], Field(min_length=2, max_length=2)]]
    meas_lo_range: List[Annotated[List[Annotated[Number, Field(ge=0)]], Field(min_length=2, max_length=2)]]
    dt: Annotated[Number, Field(ge=0)]
    dtm: Annotated[Number, Field(ge=0)]
    rep_times: List[Annotated[Number, Field(ge=0)]]
    meas_kernels: List[StrictStr]
    discriminators: List[StrictStr]
    meas_map: Optional[List[Annotated[List[StrictInt], Field(min_length=1)]]] = None
    channel_bandwidth: Optional[List[Annotated[List[Number], Field(min_length=2, max_length=2)]]] = None
    acquisition_latency: Optional[List[List[StrictInt]]] = None
    conditional_latency: Optional[List[List[StrictInt]]] = None
    hamiltonian: Optional[Dict[str, Any]] = None


class PulseLibraryItem(_Model):
    name: StrictStr
    samples: Annotated[List[ComplexPair], Field(min_length=1)]


class PulseQobjInstruction(_Model):
    name: StrictStr
    t0: NonNegativeInt
    ch: Optional[StrictStr] = None
    phase: Optional[Union[Number, StrictStr]] = None
    duration: Optional[Annotated[StrictInt, Field(ge=1)]] = None
    qubits: Optional[Annotated[List[NonNegativeInt], Field(min_length=1)]] = None
    memory_slot: Optional[Annotated[List[NonNegativeInt], Field(min_length=1)]] = None
    parameters: Optional[Dict[str, Any]] = None
    label: Optional[StrictStr] = None
    pulse_shape: Optional[StrictStr] = None


class Command(_Model):
    name: StrictStr
    qubits: Optional[Annotated[List[NonNegativeInt], Field(min_length=1)]] = None
    sequence: Optional[List[PulseQobjInstruction]] = None


class PulseDefaults(_Model):
    qubit_freq_est: Annotated[List[Number], Field(min_length=1)]
    meas_freq_est: Annotated[List[Number], Field(min_length=1)]
    buffer: NonNegativeInt
    pulse_library: List[PulseLibraryItem]
    cmd_def: List[Command]
    meas_kernel: Optional[Dict[str, Any]] = None
    discriminator: Optional[Dict[str, Any]] = None
