"""The calibrated properties of a backend: per-qubit and per-gate measurements.

Payload rules, per field (R = required; a required field may not be null unless
it says so).  They are the legacy rules; every corpus file satisfies them.

``Nduv`` (name, date, unit, value: one measurement)
    ``date`` R, ISO 8601 date-time (written back as the payload text);
    ``name`` R, string; ``unit`` R, string, may be empty (``""`` for a
    probability); ``value`` R, a number, ``int`` or ``float`` (devices send
    both; an ``int`` stays an ``int``).

``Gate``
    ``qubits`` R, list of at least one integer; ``gate`` R, string;
    ``parameters`` R, list of at least one ``Nduv``.  ``name`` (``"cx0_1"``) is
    sent by most devices but not all: it is not declared and kept as it is.

``BackendProperties``
    ``backend_name`` R, string; ``backend_version`` R, ``X.Y.Z`` (legacy
    pattern, :data:`~qiskit_models.providers.models.backendstatus.VERSION_PATTERN`);
    ``last_update_date`` R, date-time; ``qubits`` R, one list per qubit, each a
    list of at least one ``Nduv`` (at least one qubit); ``gates`` R, at least
    one ``Gate``; ``general`` R, list of ``Nduv``, may be empty (10 of 34 corpus
    files).  Nothing is nullable: no device sends a null here.

Units.  The attributes hold the payload's values; the helper methods
(:meth:`BackendProperties.t1`, :meth:`~BackendProperties.gate_length`, ...)
convert them to SI units by the unit's prefix, as legacy did: ``"us"``/``"µs"``
(also Greek ``"μs"``) -> s, ``"ns"`` -> s, ``"GHz"`` -> Hz, ``"mK"`` -> K, and a
unit without prefix (``"s"``, ``"Hz"``, ``"K"``, ``"dBm"``, see
:data:`UNITS`) or no unit at all -> the value itself.  A unit the helpers do
not understand (``"ws"``, ``"min"``) never makes loading fail; the helpers
return such a value as it is, in the payload's unit, and
:meth:`BackendProperties._apply_prefix` raises ``BackendPropertyError`` for it.
``general`` values are never converted (legacy).
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

from marshmallow.validate import Length, Regexp

from qiskit_models.providers.exceptions import BackendPropertyError
from qiskit_models.providers.models.backendstatus import VERSION_PATTERN
from qiskit_models.validation import BaseModel, BaseSchema, bind_schema, fields
from qiskit_models.validation.base import _plain_init

__all__ = [
    "BackendProperties",
    "BackendPropertiesSchema",
    "Gate",
    "GateSchema",
    "Nduv",
    "NduvSchema",
    "PREFIXES",
    "UNITS",
    "apply_prefix",
]

#: Factor of each unit prefix: the first character of a unit such as ``"ns"``.
#: Both micro signs are accepted: ``"µ"`` (U+00B5, what devices send) and the
#: Greek letter ``"μ"`` (U+03BC).
PREFIXES: Dict[str, float] = {
    "p": 1e-12,
    "n": 1e-9,
    "u": 1e-6,
    "\u00b5": 1e-6,
    "\u03bc": 1e-6,
    "m": 1e-3,
    "k": 1e3,
    "M": 1e6,
    "G": 1e9,
}

#: Units the helpers know without a prefix (their values are returned as they
#: are) and after a prefix (``"ns"``, ``"GHz"``, ``"mK"``).
UNITS = frozenset({"s", "Hz", "K", "V", "A", "W", "J", "F", "H", "T", "m", "ohm", "Ohm", "\u03a9", "rad", "dB", "dBm"})


def apply_prefix(value: Any, unit: Optional[str]) -> Any:
    """Convert a value to the SI unit its unit's prefix scales.

    Args:
        value: the number.
        unit: its unit: empty or ``None`` (no unit), a unit of :data:`UNITS`, or
            a prefix of :data:`PREFIXES` followed by a unit of :data:`UNITS`.

    Returns:
        ``value`` times the prefix's factor (``value`` itself without prefix).

    Raises:
        BackendPropertyError: ``Could not understand units: <unit>``.
    """
    if not unit or unit in UNITS:
        return value
    factor = PREFIXES.get(unit[0]) if isinstance(unit, str) else None
    if factor is None or unit[1:] not in UNITS:
        raise BackendPropertyError(f"Could not understand units: {unit}")
    return value * factor


def _si_value(value: Any, unit: Optional[str]) -> Any:
    """:func:`apply_prefix`, but a unit it does not understand leaves the value as it is."""
    try:
        return apply_prefix(value, unit)
    except (BackendPropertyError, TypeError):
        return value


class NduvSchema(BaseSchema):
    """Schema of :class:`Nduv`."""

    date = fields.DateTime(required=True)
    name = fields.String(required=True)
    unit = fields.String(required=True)
    value = fields.Number(required=True)


class GateSchema(BaseSchema):
    """Schema of :class:`Gate`."""

    qubits = fields.List(fields.Integer(), required=True, validate=Length(min=1))
    gate = fields.String(required=True)
    parameters = fields.Nested(NduvSchema, required=True, many=True, validate=Length(min=1))


class BackendPropertiesSchema(BaseSchema):
    """Schema of :class:`BackendProperties`."""

    backend_name = fields.String(required=True)
    backend_version = fields.String(required=True, validate=Regexp(VERSION_PATTERN))
    last_update_date = fields.DateTime(required=True)
    qubits = fields.List(
        fields.Nested(NduvSchema, many=True, validate=Length(min=1)), required=True, validate=Length(min=1)
    )
    gates = fields.Nested(GateSchema, required=True, many=True, validate=Length(min=1))
    general = fields.Nested(NduvSchema, required=True, many=True)


@bind_schema(NduvSchema)
class Nduv(BaseModel):
    """Class representing name-date-unit-value.

    Attributes:
        date (datetime.datetime): date of the measurement.
        name (str): name of the property.
        unit (str): unit of the value, for example ``"ns"``; may be empty.
        value (int or float): the value, in ``unit``.

    Args:
        date: date of the measurement.
        name: name of the property.
        unit: unit of the value.
        value: the value.
        **kwargs: other payload keys, kept and written back by ``to_dict``.
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    date: datetime
    name: str
    unit: str
    value: Union[int, float]

    @_plain_init
    def __init__(self, date: datetime, name: str, unit: str, value: Union[int, float], **kwargs: Any) -> None:
        self.date = date
        self.name = name
        self.unit = unit
        self.value = value
        super().__init__(**kwargs)


@bind_schema(GateSchema)
class Gate(BaseModel):
    """Class representing a gate's properties.

    Attributes:
        qubits (list[int]): the qubits the gate acts on.
        gate (str): the gate's name, for example ``"cx"``.
        parameters (list[Nduv]): the gate's measured properties
            (``gate_error``, ``gate_length``, ...).

    Args:
        qubits: the qubits the gate acts on.
        gate: the gate's name.
        parameters: the gate's properties.
        **kwargs: other payload keys (``name``, for example ``"cx0_1"``).
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    qubits: List[int]
    gate: str
    parameters: List[Nduv]

    @_plain_init
    def __init__(self, qubits: List[int], gate: str, parameters: List[Nduv], **kwargs: Any) -> None:
        self.qubits = qubits
        self.gate = gate
        self.parameters = parameters
        super().__init__(**kwargs)


#: ``{qubit: {property name: (SI value, date)}}``
QubitCache = Dict[int, Dict[str, Tuple[Any, datetime]]]
#: ``{gate: {qubits: {property name: (SI value, date)}}}``
GateCache = Dict[str, Dict[Tuple[int, ...], Dict[str, Tuple[Any, datetime]]]]


@bind_schema(BackendPropertiesSchema)
class BackendProperties(BaseModel):
    """Class representing backend properties.

    The helper methods read two indexes built from ``qubits`` and ``gates`` on
    the first call (not at load, so loading stays fast): ``_qubits``
    (``{qubit: {name: (value, date)}}``, only qubits with properties) and
    ``_gates`` (``{gate: {qubits tuple: {name: (value, date)}}}``, a later
    entry for the same gate and qubits wins), with values in SI units (see the
    module documentation).  They are not updated when ``qubits`` or ``gates``
    change; ``del properties._qubits`` (or ``_gates``) rebuilds them on the
    next call.

    Attributes:
        backend_name (str): backend name.
        backend_version (str): backend version, ``X.Y.Z``.
        last_update_date (datetime.datetime): last date/time the properties were updated.
        qubits (list[list[Nduv]]): the properties of each qubit.
        gates (list[Gate]): the properties of each gate.
        general (list[Nduv]): general properties of the backend.

    Args:
        backend_name: backend name.
        backend_version: backend version.
        last_update_date: last update date/time.
        qubits: the properties of each qubit.
        gates: the properties of each gate.
        general: general properties.
        **kwargs: other payload keys, kept and written back by ``to_dict``.
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    backend_name: str
    backend_version: str
    last_update_date: datetime
    qubits: List[List[Nduv]]
    gates: List[Gate]
    general: List[Nduv]

    @_plain_init
    def __init__(
        self,
        backend_name: str,
        backend_version: str,
        last_update_date: datetime,
        qubits: List[List[Nduv]],
        gates: List[Gate],
        general: List[Nduv],
        **kwargs: Any,
    ) -> None:
        self.backend_name = backend_name
        self.backend_version = backend_version
        self.last_update_date = last_update_date
        self.qubits = qubits
        self.gates = gates
        self.general = general
        super().__init__(**kwargs)

    # -- indexes, built on first use ------------------------------------------

    @functools.cached_property
    def _qubits(self) -> QubitCache:
        """``{qubit: {name: (SI value, date)}}`` for every qubit that has properties."""
        index: QubitCache = {}
        for qubit, props in enumerate(self.__dict__.get("qubits") or ()):
            for prop in props:
                index.setdefault(qubit, {})[prop.name] = (_si_value(prop.value, prop.unit), prop.date)
        return index

    @functools.cached_property
    def _gates(self) -> GateCache:
        """``{gate: {qubits: {name: (SI value, date)}}}``."""
        index: GateCache = {}
        for gate in self.__dict__.get("gates") or ():
            by_qubits = index.setdefault(gate.gate, {})
            entry = by_qubits[tuple(gate.qubits)] = {}
            for param in gate.parameters:
                entry[param.name] = (_si_value(param.value, param.unit), param.date)
        return index

    # -- helpers ----------------------------------------------------------------

    def gate_property(
        self, gate: str, qubits: Union[int, Iterable[int], None] = None, name: Optional[str] = None
    ) -> Any:
        """Return the properties of a gate, of a gate on given qubits, or one property.

        Args:
            gate: the gate's name, for example ``"cx"``.
            qubits: the qubits (an ``int`` for one qubit); ``None`` for all of them.
            name: the property's name, for example ``"gate_error"``; needs ``qubits``.

        Returns:
            ``{qubits tuple: {name: (value, date)}}`` with only ``gate``;
            ``{name: (value, date)}`` with ``qubits``; ``(value, date)`` with
            ``name`` too.  Values are in SI units.

        Raises:
            BackendPropertyError: ``name`` without ``qubits``, or no such property.
        """
        try:
            result: Any = self._gates[gate]
            if qubits is not None:
                if isinstance(qubits, int):
                    qubits = (qubits,)
                result = result[tuple(qubits)]
                if name:
                    result = result[name]
            elif name:
                raise BackendPropertyError(f"Provide qubits to get {name} of {gate}")
        except (KeyError, TypeError):
            raise BackendPropertyError(f"Could not find the desired property for {gate}") from None
        return result

    def gate_error(self, gate: str, qubits: Union[int, Iterable[int]]) -> Any:
        """Return the error of a gate on given qubits.

        Args:
            gate: the gate's name.
            qubits: the qubits (an ``int`` for one qubit).

        Returns:
            The ``gate_error`` value.

        Raises:
            BackendPropertyError: no such property.
        """
        return self.gate_property(gate, qubits, "gate_error")[0]

    def gate_length(self, gate: str, qubits: Union[int, Iterable[int]]) -> Any:
        """Return the duration of a gate on given qubits, in seconds.

        Args:
            gate: the gate's name.
            qubits: the qubits (an ``int`` for one qubit).

        Returns:
            The ``gate_length`` value in seconds.

        Raises:
            BackendPropertyError: no such property.
        """
        return self.gate_property(gate, qubits, "gate_length")[0]

    def qubit_property(self, qubit: int, name: Optional[str] = None) -> Any:
        """Return the properties of a qubit, or one of them.

        Args:
            qubit: the qubit's index.
            name: the property's name, for example ``"T1"``; ``None`` for all.

        Returns:
            ``{name: (value, date)}``, or ``(value, date)`` with ``name``;
            values in SI units.

        Raises:
            BackendPropertyError: no such qubit or property.
        """
        try:
            result: Any = self._qubits[qubit]
            if name is not None:
                result = result[name]
        except (KeyError, TypeError):
            if name is None:
                raise BackendPropertyError(f"Couldn't find the properties for qubit {qubit}.") from None
            raise BackendPropertyError(f"Couldn't find the property '{name}' for qubit {qubit}.") from None
        return result

    def t1(self, qubit: int) -> Any:
        """Return the T1 time of a qubit, in seconds.

        Args:
            qubit: the qubit's index.

        Returns:
            T1 in seconds.

        Raises:
            BackendPropertyError: the qubit has no T1.
        """
        return self.qubit_property(qubit, "T1")[0]

    def t2(self, qubit: int) -> Any:
        """Return the T2 time of a qubit, in seconds.

        Args:
            qubit: the qubit's index.

        Returns:
            T2 in seconds.

        Raises:
            BackendPropertyError: the qubit has no T2.
        """
        return self.qubit_property(qubit, "T2")[0]

    def frequency(self, qubit: int) -> Any:
        """Return the frequency of a qubit, in Hz.

        Args:
            qubit: the qubit's index.

        Returns:
            The frequency in Hz.

        Raises:
            BackendPropertyError: the qubit has no frequency.
        """
        return self.qubit_property(qubit, "frequency")[0]

    def readout_error(self, qubit: int) -> Any:
        """Return the readout error of a qubit.

        Args:
            qubit: the qubit's index.

        Returns:
            The readout error (a probability).

        Raises:
            BackendPropertyError: the qubit has no readout error.
        """
        return self.qubit_property(qubit, "readout_error")[0]

    def _apply_prefix(self, value: Any, unit: Optional[str]) -> Any:
        """Convert a value to SI units by its unit's prefix (see :func:`apply_prefix`).

        Args:
            value: the number.
            unit: its unit.

        Returns:
            The value in SI units.

        Raises:
            BackendPropertyError: the unit is not understood.
        """
        return apply_prefix(value, unit)
