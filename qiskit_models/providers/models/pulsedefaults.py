"""The default pulse calibrations of a backend: frequencies, pulses and gate definitions.

Payload rules, per field (R = required, O = optional; nothing here may be null,
no device sends a null).

``PulseDefaults``
    ``qubit_freq_est``, ``meas_freq_est`` R: at least one number each, in GHz;
    ``buffer`` R: integer >= 0; ``pulse_library`` R: list of
    ``PulseLibraryItem`` (may be empty: the 127-qubit device sends none);
    ``cmd_def`` R: list of ``Command``; ``meas_kernel``, ``discriminator`` O:
    a ``MeasurementKernel`` / ``Discriminator``.  Every other key (devices send
    ``_data``) is kept and written back as it is.

``PulseLibraryItem``
    ``name`` R, string; ``samples`` R, at least one complex number, ``[re, im]``
    in the payload (a ``complex`` when constructing).

``Command`` (the definition of a gate on some qubits)
    ``name`` R, string; ``qubits`` O, at least one integer >= 0;
    ``sequence`` O, list of ``PulseQobjInstruction``.  Both are optional, as in
    the legacy schema; every device sends them.  (Legacy failed with a raw
    ``AttributeError`` without them because it built schedules: W18.)

``PulseQobjInstruction``
    One instruction of a command's sequence (the legacy
    ``PulseQobjInstructionSchema``, which legacy never bound to a model).
    ``name`` R, string (a pulse of the library, ``fc``, ``parametric_pulse``,
    ``acquire``, ``delay``, ...); ``t0`` R, integer >= 0.
    O: ``ch`` (string starting with ``d``, ``u`` or ``m`` and a digit, legacy
    pattern); ``phase`` (a number or a parameter expression string such as
    ``"-(P0)"``); ``duration`` (integer >= 1); ``qubits``, ``memory_slot``,
    ``register_slot`` (at least one integer >= 0); ``conditional`` (integer
    >= 0); ``val`` (complex number or string); ``frequency`` (number);
    ``label``, ``type``, ``pulse_shape`` (string); ``parameters`` (mapping with
    string keys whose values are kept exactly as sent: ``amp`` stays the
    ``[re, im]`` pair, ``duration``, ``sigma``, ``beta``, ``width`` numbers).
    Measurement options (``kernels``, ``discriminators``) and any other key are
    kept as they are.

``MeasurementKernel``, ``Discriminator``
    ``name`` O, string; ``params`` O, a free-form :class:`~qiskit_models.Obj`.

Units: the payload (and the constructor) give ``qubit_freq_est`` and
``meas_freq_est`` in GHz; the attributes hold Hz, as in legacy, and
``to_dict`` writes GHz again (the payload's own numbers while unchanged).

Not provided: legacy built a ``qiskit.pulse`` ``InstructionScheduleMap``
(``instruction_schedule_map``, the deprecated ``circuit_instruction_map``) and a
``QobjToInstructionConverter`` (``converter``) from ``cmd_def``.  qiskit-models
does not depend on Qiskit and leaves them out; the data they were built from is
all here (``cmd_def``, ``pulse_library``), and ``str()`` still lists which
instructions are defined on which qubits, as legacy did.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple, Union

from marshmallow.validate import Length, Range, Regexp

from qiskit_models.providers.models._units import WireUnits
from qiskit_models.validation import BaseModel, BaseSchema, Obj, ObjSchema, bind_schema, fields
from qiskit_models.validation.base import _plain_init

__all__ = [
    "Command",
    "CommandSchema",
    "Discriminator",
    "DiscriminatorSchema",
    "MeasurementKernel",
    "MeasurementKernelSchema",
    "PulseDefaults",
    "PulseDefaultsSchema",
    "PulseLibraryItem",
    "PulseLibraryItemSchema",
    "PulseQobjInstruction",
    "PulseQobjInstructionSchema",
]


def _slots(**kwargs: Any) -> fields.List:
    """A list of at least one integer >= 0."""
    return fields.List(fields.Integer(validate=Range(min=0)), validate=Length(min=1), **kwargs)


class PulseLibraryItemSchema(BaseSchema):
    """Schema of :class:`PulseLibraryItem`."""

    name = fields.String(required=True)
    samples = fields.List(fields.Complex(), required=True, validate=Length(min=1))


class PulseQobjInstructionSchema(BaseSchema):
    """Schema of :class:`PulseQobjInstruction`."""

    name = fields.String(required=True)
    t0 = fields.Integer(required=True, validate=Range(min=0))
    ch = fields.String(validate=Regexp("[dum]([0-9])+"))
    conditional = fields.Integer(validate=Range(min=0))
    val = fields.ByType([fields.Complex(), fields.String()])
    phase = fields.ByType([fields.Float(), fields.String()])
    duration = fields.Integer(validate=Range(min=1))
    qubits = _slots()
    memory_slot = _slots()
    register_slot = _slots()
    frequency = fields.Float()
    label = fields.String()
    type = fields.String()
    pulse_shape = fields.String()
    parameters = fields.Dict(keys=fields.String())


class CommandSchema(BaseSchema):
    """Schema of :class:`Command`."""

    name = fields.String(required=True)
    qubits = _slots()
    sequence = fields.Nested(PulseQobjInstructionSchema, many=True)


class MeasurementKernelSchema(BaseSchema):
    """Schema of :class:`MeasurementKernel`."""

    name = fields.String()
    params = fields.Nested(ObjSchema)


class DiscriminatorSchema(BaseSchema):
    """Schema of :class:`Discriminator`."""

    name = fields.String()
    params = fields.Nested(ObjSchema)


class PulseDefaultsSchema(BaseSchema):
    """Schema of :class:`PulseDefaults`."""

    qubit_freq_est = fields.List(fields.Float(), required=True, validate=Length(min=1))
    meas_freq_est = fields.List(fields.Float(), required=True, validate=Length(min=1))
    buffer = fields.Integer(required=True, validate=Range(min=0))
    pulse_library = fields.Nested(PulseLibraryItemSchema, required=True, many=True)
    cmd_def = fields.Nested(CommandSchema, required=True, many=True)
    meas_kernel = fields.Nested(MeasurementKernelSchema)
    discriminator = fields.Nested(DiscriminatorSchema)


@bind_schema(PulseLibraryItemSchema)
class PulseLibraryItem(BaseModel):
    """A pulse of the library: a name and its samples.

    Attributes:
        name (str): the pulse's name, used by ``PulseQobjInstruction.name``.
        samples (list[complex]): the pulse's samples.

    Args:
        name: the pulse's name.
        samples: its samples.
        **kwargs: other payload keys.
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    name: str
    samples: List[complex]

    @_plain_init
    def __init__(self, name: str, samples: List[complex], **kwargs: Any) -> None:
        self.name = name
        self.samples = samples
        super().__init__(**kwargs)


@bind_schema(PulseQobjInstructionSchema)
class PulseQobjInstruction(BaseModel):
    """One instruction of a command's pulse sequence.

    Only ``name`` and ``t0`` are always there; the other attributes depend on
    the instruction (see the module documentation).

    Attributes:
        name (str): the instruction (``fc``, ``parametric_pulse``, a pulse of the library, ...).
        t0 (int): its start time, in samples.

    Args:
        name: the instruction.
        t0: its start time.
        **kwargs: the instruction's other keys (``ch``, ``phase``, ``parameters``, ...).
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    name: str
    t0: int
    # Optional payload keys: attributes only when the payload (or the constructor) has them.
    ch: str
    conditional: int
    val: Union[complex, str]
    phase: Union[float, str]
    duration: int
    qubits: List[int]
    memory_slot: List[int]
    register_slot: List[int]
    frequency: float
    label: str
    type: str
    pulse_shape: str
    parameters: Dict[str, Any]

    @_plain_init
    def __init__(self, name: str, t0: int, **kwargs: Any) -> None:
        self.name = name
        self.t0 = t0
        super().__init__(**kwargs)


@bind_schema(CommandSchema)
class Command(BaseModel):
    """The definition of an instruction on some qubits as a pulse sequence.

    Attributes:
        name (str): the instruction's name, for example ``"cx"``.
        qubits (list[int]): (when given) the qubits it acts on.
        sequence (list[PulseQobjInstruction]): (when given) its pulse sequence.

    Args:
        name: the instruction's name.
        **kwargs: ``qubits``, ``sequence`` and other payload keys.
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    name: str
    # Optional payload keys: attributes only when the payload (or the constructor) has them.
    qubits: List[int]
    sequence: List[PulseQobjInstruction]

    @_plain_init
    def __init__(self, name: str, **kwargs: Any) -> None:
        self.name = name
        super().__init__(**kwargs)


@bind_schema(MeasurementKernelSchema)
class MeasurementKernel(BaseModel):
    """A measurement kernel: ``name`` and free-form ``params`` (both optional)."""

    # Both are optional payload keys: attributes only when the payload (or the constructor) has them.
    name: str
    params: Obj


@bind_schema(DiscriminatorSchema)
class Discriminator(BaseModel):
    """A discriminator: ``name`` and free-form ``params`` (both optional)."""

    # Both are optional payload keys: attributes only when the payload (or the constructor) has them.
    name: str
    params: Obj


@bind_schema(PulseDefaultsSchema)
class PulseDefaults(WireUnits, BaseModel):
    """Description of the default pulse calibrations of a backend.

    The constructor takes the frequencies in GHz, as the payload does, and
    stores them in Hz; ``to_dict`` writes GHz.

    Attributes:
        qubit_freq_est (list[float]): estimated qubit frequencies, in Hz.
        meas_freq_est (list[float]): estimated measurement frequencies, in Hz.
        buffer (int): the default buffer time between pulses, in samples.
        pulse_library (list[PulseLibraryItem]): the pulses the commands use.
        cmd_def (list[Command]): the default definitions of the instructions.

    Args:
        qubit_freq_est: estimated qubit frequencies, in GHz.
        meas_freq_est: estimated measurement frequencies, in GHz.
        buffer: default buffer time between pulses.
        pulse_library: the pulses.
        cmd_def: the instruction definitions.
        **kwargs: other payload keys (``meas_kernel``, ``discriminator``, ...).

    Raises:
        ModelValidationError: a frequency cannot be converted (also with ``validate=False``).
    """

    # Annotations only (no values), for type checkers and editors: a class attribute
    # of a field's name would make the payload key leave the attributes.
    qubit_freq_est: List[float]
    meas_freq_est: List[float]
    buffer: int
    pulse_library: List[PulseLibraryItem]
    cmd_def: List[Command]
    # Optional payload keys: attributes only when the payload (or the constructor) has them.
    meas_kernel: MeasurementKernel
    discriminator: Discriminator

    _qm_conversions = {"qubit_freq_est": (1e9, 1), "meas_freq_est": (1e9, 1)}

    def __init__(
        self,
        qubit_freq_est: List[float],
        meas_freq_est: List[float],
        buffer: int,
        pulse_library: List[PulseLibraryItem],
        cmd_def: List[Command],
        **kwargs: Any,
    ) -> None:
        self._store_converted({"qubit_freq_est": qubit_freq_est, "meas_freq_est": meas_freq_est})
        self.buffer = buffer
        self.pulse_library = pulse_library
        self.cmd_def = cmd_def
        super().__init__(**kwargs)

    def _instructions(self) -> Tuple[Dict[int, List[str]], Dict[Tuple[int, ...], List[str]]]:
        single: Dict[int, List[str]] = {}
        multi: Dict[Tuple[int, ...], List[str]] = {}
        for command in self.__dict__.get("cmd_def") or ():
            qubits = tuple(getattr(command, "qubits", None) or ())
            names = single.setdefault(qubits[0], []) if len(qubits) == 1 else multi.setdefault(qubits, [])
            if command.name not in names:
                names.append(command.name)
        return single, multi

    def __str__(self) -> str:
        """Summarise the defaults as legacy did: instructions per qubit, then frequencies in GHz."""
        single, multi = self._instructions()
        lines = ["1Q instructions:\n"]
        lines.extend(f"  q{qubit}: {_set_text(names)}\n" for qubit, names in single.items())
        lines.append("Multi qubit instructions:\n")
        lines.extend(f"  {qubits}: {_set_text(names)}\n" for qubits, names in multi.items())
        qubit_freqs = self._wire_value("qubit_freq_est", None)
        meas_freqs = self._wire_value("meas_freq_est", None)
        return (
            f"<{type(self).__name__}(<InstructionScheduleMap({''.join(lines)})>"
            f"Qubit Frequencies [GHz]\n{qubit_freqs}\nMeasurement Frequencies [GHz]\n{meas_freqs} )>"
        )


def _set_text(names: List[str]) -> str:
    return "{" + ", ".join(repr(name) for name in sorted(names)) + "}"
