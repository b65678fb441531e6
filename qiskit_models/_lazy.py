"""Lazy re-exports: a package imports the module of a re-exported name on first use.

``import qiskit_models`` stays as cheap as importing marshmallow, although the
package re-exports every provider model.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable, Dict, List, Mapping, Sequence

__all__ = ["lazy_dir", "lazy_getattr"]


def lazy_getattr(package: str, locations: Mapping[str, str], namespace: Dict[str, Any]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` that imports each name from its module once.

    Args:
        package: the package's ``__name__``, for the error message.
        locations: the module that defines each lazily exported name.
        namespace: the package's ``globals()``; a loaded name is stored there, so
            that later lookups do not call ``__getattr__`` again.

    Returns:
        The ``__getattr__`` function; it raises ``AttributeError`` for other names.
    """

    def __getattr__(name: str) -> Any:
        module = locations.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__


def lazy_dir(namespace: Dict[str, Any], exported: Sequence[str]) -> Callable[[], List[str]]:
    """Return a module ``__dir__`` listing the loaded names and every exported one.

    Args:
        namespace: the package's ``globals()``.
        exported: the package's ``__all__``.

    Returns:
        The ``__dir__`` function.
    """

    def __dir__() -> List[str]:
        return sorted(set(namespace) | set(exported))

    return __dir__
