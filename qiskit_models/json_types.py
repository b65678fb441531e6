"""Type aliases of the JSON documents that models read and write.

``to_dict`` returns a :data:`JSONDict` and ``to_json`` a :data:`JSONValue`, so
that a type checker knows a payload is made of JSON types only::

    from qiskit_models import JobStatus
    from qiskit_models.json_types import JSONDict

    payload: JSONDict = JobStatus.from_dict(data).to_dict()

A :data:`JSONValue` is a union, so reading into a payload needs a check of the
value's type first (``isinstance(value, list)``), as for any JSON document.
Code that prefers to read a payload without such checks can assign it to a
``Dict[str, Any]``, which a :data:`JSONDict` may always be assigned to.
"""

from __future__ import annotations

from typing import Dict, List, Union

__all__ = ["JSONDict", "JSONList", "JSONValue"]

#: Any JSON value, that is ``None``, a ``bool``, an ``int``, a ``float``, a
#: ``str``, or a list or string-keyed dictionary of JSON values.
JSONValue = Union[None, bool, int, float, str, List["JSONValue"], Dict[str, "JSONValue"]]

#: A JSON array, a list of JSON values.
JSONList = List[JSONValue]

#: A JSON object, a dictionary of JSON values by string key (a model's payload, for example).
JSONDict = Dict[str, JSONValue]
