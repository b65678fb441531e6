"""The configuration of a backend: what it runs, and for pulse backends how.

Three models share one payload shape: :class:`BackendConfiguration` (any
configuration), :class:`QasmBackendConfiguration` (``open_pulse`` false) and
:class:`PulseBackendConfiguration` (``open_pulse`` true).  A QASM configuration
may carry the pulse keys too (several devices send them with ``open_pulse``
false): they are then kept as they are, in the payload's units.

Payload rules, per field.  R = required (the key must be present), N = may be
null, O = optional (may be absent); a field not marked N may not be null.

``GateConfig``
    ``name`` R; ``parameters`` R N, list of strings (the ``reset`` gate of 19
    corpus configurations sends ``null``: legacy rejected every such file);
    ``qasm_def`` R N, string (same gate); ``coupling_map`` O, list of at
    least one list of at least one integer; ``latency_map`` O, same with 0/1
    items; ``conditional`` O, bool; ``description`` O, string.

``UchannelLO``
    ``q`` R, integer >= 0; ``scale`` R, complex number, ``[re, im]`` in the
    payload (a Python ``complex`` when constructing).

``BackendConfiguration`` and ``QasmBackendConfiguration``
    (``open_pulse`` must be false for the latter.)
    R: ``backend_name``; ``backend_version`` (``X.Y.Z``, legacy pattern);
    ``n_qubits`` (integer >= 1); ``basis_gates`` (list of strings, may be
    empty); ``gates`` (list of ``GateConfig``, may be empty); ``local``,
    ``simulator``, ``conditional``, ``open_pulse``, ``memory`` (bool);
    ``max_shots`` (integer >= 1).
    ``coupling_map`` O N: a list of at least one list of at least one integer;
    ``null`` for one-qubit devices, absent in the official simulator example
    (legacy required the key, which rejected that example: W22).
    O: ``max_experiments``, ``n_registers`` (integer >= 1); ``sample_name``,
    ``display_name``, ``description`` (string); ``register_map`` (like
    ``latency_map``); ``configurable``, ``credits_required`` (bool);
    ``online_date`` (date-time); ``tags`` (list of strings).
    Every other key (``url``, ``processor_type`` whose ``revision`` is an int,
    a float or a string, ``quantum_volume`` and ``clops`` which may be null,
    ``supported_instructions``, ``channels``, ``timing_constraints``, ...) is
    kept and written back as it is, unvalidated, as in legacy.

``PulseBackendConfiguration``
    (``open_pulse`` must be true.)  In addition,
    R: ``n_uchannels`` (integer >= 0); ``u_channel_lo`` (one list of
    ``UchannelLO`` per control channel, each with at least one item; the outer
    list may be empty; legacy failed with a raw ``TypeError`` when it was
    missing: W18); ``meas_levels`` (at least one integer); ``qubit_lo_range``,
    ``meas_lo_range`` (lists of ``[min, max]`` pairs of numbers >= 0, in GHz);
    ``dt``, ``dtm`` (number >= 0, in ns; int or float); ``rep_times`` (numbers
    >= 0, in µs; devices send ``1000.0``, ``0.001`` and ints, so not integers
    as legacy declared); ``meas_kernels``, ``discriminators`` (lists of strings).
    O: ``meas_map`` (lists of at least one integer); ``channel_bandwidth``
    (``[min, max]`` pairs, in GHz); ``acquisition_latency``,
    ``conditional_latency`` (lists of lists of integers).
    ``hamiltonian`` O: passed through unvalidated, any value (legacy, W19);
    when absent the attribute reads ``None``.

Units of a pulse configuration: the payload (and the constructor) use ns, µs
and GHz; the attributes hold SI units as in legacy: ``dt``, ``dtm`` and
``rep_times`` in seconds, ``qubit_lo_range``, ``meas_lo_range`` and
``channel_bandwidth`` in Hz.  ``to_dict`` writes the payload's units: the
payload's own value, bit for bit, while the attribute still holds the value
converted from it, and the attribute converted back once it has changed.
"""

from __future__ import annotations

import numbers
from datetime import datetime
from typing import Any, Dict, List, Optional

from marshmallow.validate import Length, Range, Regexp

from qiskit_models.providers.channels import AcquireChannel, ControlChannel, DriveChannel, MeasureChannel
from qiskit_models.providers.exceptions import BackendConfigurationError
from qiskit_models.providers.models._units import WireUnits
from qiskit_models.providers.models.backendstatus import VERSION_PATTERN
from qiskit_models.validation import BaseModel, BaseSchema, bind_schema, fields
from qiskit_models.validation.base import _plain_init
from qiskit_models.validation.validate import OneOf, PatternProperties

__all__ = [
    "BackendConfiguration",
    "BackendConfigurationSchema",
    "GateConfig",
    "GateConfigSchema",
    "PulseBackendConfiguration",
    "PulseBackendConfigurationSchema",
    "PulseHamiltonianSchema",
    "QasmBackendConfiguration",
    "QasmBackendConfigurationSchema",
    "UchannelLO",
    "UchannelLOSchema",
]


def _coupling_list(**kwargs: Any) -> fields.List:
    """A list of at least one list of at least one integer."""
    return fields.List(fields.List(fields.Integer(), validate=Length(min=1)), validate=Length(min=1), **kwargs)


def _binary_map(**kwargs: Any) -> fields.List:
    """A list of at least one list of at least one 0 or 1."""
    return fields.List(
        fields.List(fields.Integer(validate=OneOf([0, 1])), validate=Length(min=1)), validate=Length(min=1), **kwargs
    )


def _ranges(**kwargs: Any) -> fields.List:
    """A list of ``[min, max]`` pairs of non-negative numbers."""
    return fields.List(fields.List(fields.Float(validate=Range(min=0)), validate=Length(equal=2)), **kwargs)


class GateConfigSchema(BaseSchema):
    """Schema of :class:`GateConfig`."""

    name = fields.String(required=True)
    parameters = fields.List(fields.String(), required=True, allow_none=True)
    qasm_def = fields.String(required=True, allow_none=True)
    coupling_map = _coupling_list()
    latency_map = _binary_map()
    conditional = fields.Boolean()
    description = fields.String()


class UchannelLOSchema(BaseSchema):
    """Schema of :class:`UchannelLO`."""

    q = fields.Integer(required=True, validate=Range(min=0))
    scale = fields.Complex(required=True)


class PulseHamiltonianSchema(BaseSchema):
    """The legacy hamiltonian rules: declared for imports, applied nowhere.

    Legacy attached an instance of this schema to the pulse configuration schema
    where marshmallow ignored it, so ``hamiltonian`` was never validated (W19).
    qiskit-models keeps ``hamiltonian`` a pass-through value too.
    """

    h_str = fields.List(fields.String(), required=True, validate=Length(min=1))
    dim_osc = fields.List(fields.Integer(validate=Range(min=1)), required=True)
    dim_qub = fields.List(fields.Integer(validate=Range(min=2)), required=True)
    vars = fields.Dict(
        required=True, validate=PatternProperties({Regexp("^([a-z0-9])+$"): fields.InstructionParameter()})
    )


class BackendConfigurationSchema(BaseSchema):
    """Schema of :class:`BackendConfiguration`."""

    backend_name = fields.String(required=True)
    backend_version = fields.String(required=True, validate=Regexp(VERSION_PATTERN))
    n_qubits = fields.Integer(required=True, validate=Range(min=1))
    basis_gates = fields.List(fields.String(), required=True)
    gates = fields.Nested(GateConfigSchema, required=True, many=True)
    local = fields.Boolean(required=True)
    simulator = fields.Boolean(required=True)
    conditional = fields.Boolean(required=True)
    open_pulse = fields.Boolean(required=True)
    memory = fields.Boolean(required=True)
    max_shots = fields.Integer(required=True, validate=Range(min=1))
    coupling_map = _coupling_list(allow_none=True)

    max_experiments = fields.Integer(validate=Range(min=1))
    sample_name = fields.String()
    n_registers = fields.Integer(validate=Range(min=1))
    register_map = _binary_map()
    configurable = fields.Boolean()
    credits_required = fields.Boolean()
    online_date = fields.DateTime()
    display_name = fields.String()
    description = fields.String()
    tags = fields.List(fields.String())


class QasmBackendConfigurationSchema(BackendConfigurationSchema):
    """Schema of :class:`QasmBackendConfiguration`: ``open_pulse`` is false."""

    open_pulse = fields.Boolean(required=True, validate=OneOf([False]))


class PulseBackendConfigurationSchema(QasmBackendConfigurationSchema):
    """Schema of :class:`PulseBackendConfiguration`: ``open_pulse`` is true."""

    open_pulse = fields.Boolean(required=True, validate=OneOf([True]))
    n_uchannels = fields.Integer(required=True, validate=Range(min=0))
    u_channel_lo = fields.List(
        fields.Nested(UchannelLOSchema, many=True, validate=Length(min=1)), required=True
    )
    meas_levels = fields.List(fields.Integer(), required=True, validate=Length(min=1))
    qubit_lo_range = _ranges(required=True)
    meas_lo_range = _ranges(required=True)
    dt = fields.Float(required=True, validate=Range(min=0))
    dtm = fields.Float(required=True, validate=Range(min=0))
    rep_times = fields.List(fields.Float(validate=Range(min=0)), required=True)
    meas_kernels = fields.List(fields.String(), required=True)
    discriminators = fields.List(fields.String(), required=True)
    meas_map = _coupling_list()
    channel_bandwidth = fields.List(fields.List(fields.Float(), validate=Length(equal=2)))
    acquisition_latency = fields.List(fields.List(fields.Integer()))
    conditional_latency = fields.List(fields.List(fields.Integer()))


@bind_schema(GateConfigSchema)
class GateConfig(BaseModel):
    """Class representing a gate configuration.

    Attributes:
        name (str): the gate's name as it appears in ``basis_gates``.
        parameters (list[str] or None): the names of the gate's parameters.
        qasm_def (str or None): the gate's definition in OpenQASM.

    Args:
        name: the gate's name.
        parameters: the names of its parameters.
        qasm_def: its OpenQASM definition.
        **kwargs: other payload keys (``coupling_map``, ``latency_map``, ...).
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    name: str
    parameters: Optional[List[str]]
    qasm_def: Optional[str]
    # Optional payload keys: attributes only when the payload (or the constructor) has them.
    coupling_map: List[List[int]]
    latency_map: List[List[int]]
    conditional: bool
    description: str

    @_plain_init
    def __init__(self, name: str, parameters: Optional[List[str]], qasm_def: Optional[str], **kwargs: Any) -> None:
        self.name = name
        self.parameters = parameters
        self.qasm_def = qasm_def
        super().__init__(**kwargs)


@bind_schema(UchannelLOSchema)
class UchannelLO(BaseModel):
    """Class representing a U channel LO: a qubit's drive frequency scaled.

    Attributes:
        q (int): the qubit whose drive frequency is used.
        scale (complex): the factor applied to it.

    Args:
        q: the qubit.
        scale: the factor.
        **kwargs: other payload keys.
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    q: int
    scale: complex

    @_plain_init
    def __init__(self, q: int, scale: complex, **kwargs: Any) -> None:
        self.q = q
        self.scale = scale
        super().__init__(**kwargs)


@bind_schema(BackendConfigurationSchema)
class BackendConfiguration(BaseModel):
    """Class representing a backend configuration.

    Attributes:
        backend_name (str): backend name.
        backend_version (str): backend version, ``X.Y.Z``.
        n_qubits (int): number of qubits.
        basis_gates (list[str]): the gates the backend runs.
        gates (list[GateConfig]): their configurations.
        local (bool): whether the backend is local.
        simulator (bool): whether the backend is a simulator.
        conditional (bool): whether it supports conditional operations.
        open_pulse (bool): whether it supports OpenPulse.
        memory (bool): whether it supports memory.
        max_shots (int): the maximum number of shots.

    Args:
        backend_name: backend name.
        backend_version: backend version.
        n_qubits: number of qubits.
        basis_gates: the gates the backend runs.
        gates: their configurations.
        local: whether the backend is local.
        simulator: whether it is a simulator.
        conditional: whether it supports conditional operations.
        open_pulse: whether it supports OpenPulse.
        memory: whether it supports memory.
        max_shots: maximum number of shots.
        **kwargs: other payload keys (``coupling_map``, ...).
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    backend_name: str
    backend_version: str
    n_qubits: int
    basis_gates: List[str]
    gates: List[GateConfig]
    local: bool
    simulator: bool
    conditional: bool
    open_pulse: bool
    memory: bool
    max_shots: int
    # Optional payload keys: attributes only when the payload (or the constructor) has them.
    coupling_map: Optional[List[List[int]]]
    max_experiments: int
    sample_name: str
    n_registers: int
    register_map: List[List[int]]
    configurable: bool
    credits_required: bool
    online_date: datetime
    display_name: str
    description: str
    tags: List[str]

    @_plain_init
    def __init__(
        self,
        backend_name: str,
        backend_version: str,
        n_qubits: int,
        basis_gates: List[str],
        gates: List[GateConfig],
        local: bool,
        simulator: bool,
        conditional: bool,
        open_pulse: bool,
        memory: bool,
        max_shots: int,
        **kwargs: Any,
    ) -> None:
        self.backend_name = backend_name
        self.backend_version = backend_version
        self.n_qubits = n_qubits
        self.basis_gates = basis_gates
        self.gates = gates
        self.local = local
        self.simulator = simulator
        self.conditional = conditional
        self.open_pulse = open_pulse
        self.memory = memory
        self.max_shots = max_shots
        super().__init__(**kwargs)

    @property
    def num_qubits(self) -> int:
        """The number of qubits (``n_qubits``).

        A payload key ``num_qubits`` does not hide it: read that one with
        ``configuration["num_qubits"]``.
        """
        return self.n_qubits


@bind_schema(QasmBackendConfigurationSchema)
class QasmBackendConfiguration(BackendConfiguration):
    """Class representing the configuration of a backend that runs OpenQASM.

    Same attributes and arguments as :class:`BackendConfiguration`;
    ``open_pulse`` is false.
    """

    @_plain_init
    def __init__(
        self,
        backend_name: str,
        backend_version: str,
        n_qubits: int,
        basis_gates: List[str],
        gates: List[GateConfig],
        local: bool,
        simulator: bool,
        conditional: bool,
        open_pulse: bool,
        memory: bool,
        max_shots: int,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            backend_name=backend_name,
            backend_version=backend_version,
            n_qubits=n_qubits,
            basis_gates=basis_gates,
            gates=gates,
            local=local,
            simulator=simulator,
            conditional=conditional,
            open_pulse=open_pulse,
            memory=memory,
            max_shots=max_shots,
            **kwargs,
        )


class _Omitted:
    """Default of an optional argument that was not given (shown as ``<omitted>``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<omitted>"

    def __reduce__(self) -> str:
        return "_OMITTED"


_OMITTED: Any = _Omitted()


@bind_schema(PulseBackendConfigurationSchema)
class PulseBackendConfiguration(WireUnits, QasmBackendConfiguration):
    """Class representing the configuration of a backend that runs OpenPulse.

    The constructor takes ``dt``, ``dtm`` in ns, ``rep_times`` in µs and the LO
    ranges in GHz, as the payload does, and stores them in SI units (see the
    module documentation); ``to_dict`` writes them back in the payload's units.

    Attributes:
        n_uchannels (int): number of control channels.
        u_channel_lo (list[list[UchannelLO]]): the LO of each control channel.
        meas_levels (list[int]): the measurement levels supported.
        qubit_lo_range (list[list[float]]): ``[min, max]`` qubit LO frequencies, in Hz.
        meas_lo_range (list[list[float]]): ``[min, max]`` measurement LO frequencies, in Hz.
        dt (float): qubit drive channel timestep, in s.
        dtm (float): measurement drive channel timestep, in s.
        rep_times (list[float]): supported repetition times, in s.
        meas_kernels (list[str]): supported measurement kernels.
        discriminators (list[str]): supported discriminators.
        hamiltonian (dict or None): the device's Hamiltonian, as given; ``None``
            when the payload has none.
        channel_bandwidth (list[list[float]]): (only if given) ``[min, max]`` per channel, in Hz.

    Args:
        backend_name: backend name.
        backend_version: backend version.
        n_qubits: number of qubits.
        basis_gates: the gates the backend runs.
        gates: their configurations.
        local: whether the backend is local.
        simulator: whether it is a simulator.
        conditional: whether it supports conditional operations.
        open_pulse: whether it supports OpenPulse (true).
        memory: whether it supports memory.
        max_shots: maximum number of shots.
        n_uchannels: number of control channels.
        u_channel_lo: the LO of each control channel.
        meas_levels: the measurement levels supported.
        qubit_lo_range: ``[min, max]`` qubit LO frequencies, in GHz.
        meas_lo_range: ``[min, max]`` measurement LO frequencies, in GHz.
        dt: qubit drive channel timestep, in ns.
        dtm: measurement drive channel timestep, in ns.
        rep_times: supported repetition times, in µs.
        meas_kernels: supported measurement kernels.
        discriminators: supported discriminators.
        hamiltonian: the device's Hamiltonian (any value; not validated).
        **kwargs: other payload keys (``channel_bandwidth`` in GHz, ``meas_map``, ...).

    Raises:
        ModelValidationError: a value cannot be converted (also with ``validate=False``).
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    n_uchannels: int
    u_channel_lo: List[List[UchannelLO]]
    meas_levels: List[int]
    qubit_lo_range: List[List[float]]
    meas_lo_range: List[List[float]]
    dt: float
    dtm: float
    rep_times: List[float]
    meas_kernels: List[str]
    discriminators: List[str]
    hamiltonian: Any  # ``None`` when the payload has none
    # Optional payload keys: attributes only when the payload (or the constructor) has them.
    meas_map: List[List[int]]
    channel_bandwidth: List[List[float]]
    acquisition_latency: List[List[int]]
    conditional_latency: List[List[int]]

    _qm_conversions = {
        "dt": (1e-9, 0),
        "dtm": (1e-9, 0),
        "rep_times": (1e-6, 1),
        "qubit_lo_range": (1e9, 2),
        "meas_lo_range": (1e9, 2),
        "channel_bandwidth": (1e9, 2),
    }
    _dt_warning_done = False
    _rep_time_warning_done = False

    def __init__(
        self,
        backend_name: str,
        backend_version: str,
        n_qubits: int,
        basis_gates: List[str],
        gates: List[GateConfig],
        local: bool,
        simulator: bool,
        conditional: bool,
        open_pulse: bool,
        memory: bool,
        max_shots: int,
        n_uchannels: int,
        u_channel_lo: List[List[UchannelLO]],
        meas_levels: List[int],
        qubit_lo_range: List[List[float]],
        meas_lo_range: List[List[float]],
        dt: float,
        dtm: float,
        rep_times: List[float],
        meas_kernels: List[str],
        discriminators: List[str],
        hamiltonian: Any = _OMITTED,
        **kwargs: Any,
    ) -> None:
        self.n_uchannels = n_uchannels
        self.u_channel_lo = u_channel_lo
        self.meas_levels = meas_levels
        given = {
            "qubit_lo_range": qubit_lo_range,
            "meas_lo_range": meas_lo_range,
            "dt": dt,
            "dtm": dtm,
            "rep_times": rep_times,
        }
        if "channel_bandwidth" in kwargs:
            given["channel_bandwidth"] = kwargs.pop("channel_bandwidth")
        self._store_converted(given)
        self.meas_kernels = meas_kernels
        self.discriminators = discriminators
        if hamiltonian is not _OMITTED:
            self.hamiltonian = hamiltonian
        super().__init__(
            backend_name=backend_name,
            backend_version=backend_version,
            n_qubits=n_qubits,
            basis_gates=basis_gates,
            gates=gates,
            local=local,
            simulator=simulator,
            conditional=conditional,
            open_pulse=open_pulse,
            memory=memory,
            max_shots=max_shots,
            **kwargs,
        )

    def __getattr__(self, name: str) -> Any:
        # Only reached when normal lookup fails: an absent hamiltonian reads None (legacy).
        if name == "hamiltonian":
            return None
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def sample_rate(self) -> float:
        """Sample rate of the signal channels, in Hz (``1 / dt``)."""
        return 1.0 / self.dt

    def _check_qubit(self, qubit: Any, message: str) -> None:
        # typeshed's numbers.Integral does not declare comparisons with int
        if isinstance(qubit, bool) or not isinstance(qubit, numbers.Integral) or not 0 <= qubit < self.n_qubits:  # type: ignore[operator]
            raise BackendConfigurationError(message.format(qubit))

    def drive(self, qubit: int) -> DriveChannel:
        """Return the drive channel of a qubit.

        Args:
            qubit: the qubit's index.

        Returns:
            ``DriveChannel(qubit)``.

        Raises:
            BackendConfigurationError: ``Invalid index for <qubit>-qubit system.``
        """
        self._check_qubit(qubit, "Invalid index for {}-qubit system.")
        return DriveChannel(qubit)

    def measure(self, qubit: int) -> MeasureChannel:
        """Return the measurement stimulus channel of a qubit.

        Args:
            qubit: the qubit's index.

        Returns:
            ``MeasureChannel(qubit)``.

        Raises:
            BackendConfigurationError: ``Invalid index for <qubit>-qubit system.``
        """
        self._check_qubit(qubit, "Invalid index for {}-qubit system.")
        return MeasureChannel(qubit)

    def acquire(self, qubit: int) -> AcquireChannel:
        """Return the acquisition channel of a qubit.

        Args:
            qubit: the qubit's index.

        Returns:
            ``AcquireChannel(qubit)``.

        Raises:
            BackendConfigurationError: ``Invalid index for <qubit>-qubit systems.``
        """
        self._check_qubit(qubit, "Invalid index for {}-qubit systems.")
        return AcquireChannel(qubit)

    def control(self, channel: int) -> ControlChannel:
        """Return a control channel (its index is not checked against the backend, as in legacy).

        Args:
            channel: the control channel's index.

        Returns:
            ``ControlChannel(channel)``.

        Raises:
            BackendConfigurationError: ``channel`` is not a non-negative integer.
        """
        try:
            return ControlChannel(channel)
        except ValueError as error:
            raise BackendConfigurationError(str(error)) from None

    def describe(self, channel: ControlChannel) -> Dict[DriveChannel, complex]:
        """Describe a control channel as the drive channels it combines.

        Args:
            channel: the control channel.

        Returns:
            ``{DriveChannel(lo.q): lo.scale}`` for the LOs of the channel.

        Raises:
            BackendConfigurationError: ``channel`` is not a ``ControlChannel``
                (``Can only describe ControlChannels.``) or the backend has no
                such control channel.
        """
        if not isinstance(channel, ControlChannel):
            raise BackendConfigurationError("Can only describe ControlChannels.")
        los = self.u_channel_lo
        if channel.index >= len(los):
            raise BackendConfigurationError(
                f"Invalid index for control channel {channel.index}: the backend has {len(los)} control channels."
            )
        return {DriveChannel(lo.q): lo.scale for lo in los[channel.index]}

