"""Pulse channels: small value classes for the channel helpers of the configuration.

The legacy ``PulseBackendConfiguration.drive``, ``measure``, ``acquire``,
``control`` and ``describe`` returned the channel classes of ``qiskit.pulse``.
qiskit-models does not depend on Qiskit, so it has its own: a channel is its
kind and its index, compares equal to a channel of the same kind and index,
hashes like it (so it can be a dictionary key, as ``describe`` needs) and has
the ``name`` Qiskit gives it (``"d0"``, ``"m1"``, ``"u2"``, ``"a0"``)::

    >>> DriveChannel(0) == DriveChannel(0), DriveChannel(0) == ControlChannel(0)
    (True, False)
    >>> MeasureChannel(1).name
    'm1'

To get ``qiskit.pulse`` channels, convert by kind and index, for example
``qiskit.pulse.DriveChannel(channel.index)``.
"""

from __future__ import annotations

import numbers
from typing import Any, ClassVar

__all__ = ["AcquireChannel", "Channel", "ControlChannel", "DriveChannel", "MeasureChannel"]


class Channel:
    """A pulse channel: a kind (the class) and a non-negative index.

    Args:
        index: the channel's index, a non-negative integer.

    Raises:
        ValueError: ``index`` is not a non-negative integer (``bool`` is not one).
    """

    #: The letter that starts the channel's name (``"d"`` for a drive channel).
    prefix: ClassVar[str] = ""

    __slots__ = ("_index",)
    _index: int

    def __init__(self, index: int) -> None:
        if isinstance(index, bool) or not isinstance(index, numbers.Integral) or index < 0:
            raise ValueError(f"Channel index must be a non-negative integer, not {index!r}.")
        self._index = int(index)

    @property
    def index(self) -> int:
        """The channel's index."""
        return self._index

    @property
    def name(self) -> str:
        """The channel's name, its prefix and index (``"d0"``)."""
        return f"{self.prefix}{self._index}"

    def __eq__(self, other: Any) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._index == other._index

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._index))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._index})"

    def __reduce__(self) -> Any:
        return (type(self), (self._index,))


class DriveChannel(Channel):
    """The channel that drives a qubit (``d<index>``)."""

    prefix = "d"
    __slots__ = ()


class MeasureChannel(Channel):
    """The channel that sends a qubit's measurement stimulus (``m<index>``)."""

    prefix = "m"
    __slots__ = ()


class AcquireChannel(Channel):
    """The channel that acquires a qubit's measurement signal (``a<index>``)."""

    prefix = "a"
    __slots__ = ()


class ControlChannel(Channel):
    """A control channel, a combination of drive channels (``u<index>``)."""

    prefix = "u"
    __slots__ = ()
