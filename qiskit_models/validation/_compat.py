"""Everything that differs between marshmallow 3 and marshmallow 4.

This is the only module of qiskit-models that looks at the marshmallow version.
The rest of the package calls the helpers below and stays version-agnostic.

Differences handled here (see ``docs/marshmallow.rst`` for the full table):

* ``post_dump(pass_many=...)`` was renamed ``pass_collection`` in marshmallow 4.
* Field constructors of marshmallow 4 reject ``missing=``, ``default=`` and extra
  keyword arguments; marshmallow 3 accepts them with a deprecation warning.  Plugin
  schemas written for marshmallow 3 use them, so qiskit-models translates them
  before they reach marshmallow, on both majors, without warnings.
* ``Field.fail`` was removed in marshmallow 4 and is deprecated in marshmallow 3;
  qiskit-models fields provide their own (see ``ModelTypeValidator.fail``).
* A validator that returns ``False`` fails in marshmallow 3 and passes in
  marshmallow 4.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, Mapping, TypeVar, cast

import marshmallow
from marshmallow import missing as MISSING
from marshmallow.decorators import post_dump

__all__ = [
    "AnyField",
    "ListFieldBase",
    "MARSHMALLOW_MAJOR",
    "MISSING",
    "NumberFieldBase",
    "VALIDATOR_FALSE_FAILS",
    "do_load",
    "post_dump_collection",
    "translate_field_kwargs",
]

_F = TypeVar("_F", bound=Callable[..., Any])

# marshmallow 4's fields are generic in the type of the values they load
# (``Field[str]``); marshmallow 3's are not, and cannot be subscripted at run
# time.  These aliases are the generic forms for type checkers and the plain
# classes at run time, so that annotations and base classes work on both majors.
# Against marshmallow 3, mypy reports the subscripts as ``type-arg`` errors;
# hence the ignores, which are unused (and allowed to be) against marshmallow 4.
if TYPE_CHECKING:
    AnyField = marshmallow.fields.Field[Any]  # type: ignore[type-arg,unused-ignore]
    NumberFieldBase = marshmallow.fields.Number[Any]  # type: ignore[type-arg,unused-ignore]
    ListFieldBase = marshmallow.fields.List[Any]  # type: ignore[type-arg,unused-ignore]
else:
    #: Any marshmallow field (``Field[Any]`` for type checkers on marshmallow 4).
    AnyField = marshmallow.fields.Field
    #: Base class of qiskit-models' ``Number`` (``Number[Any]`` for type checkers).
    NumberFieldBase = marshmallow.fields.Number
    #: Base class of qiskit-models' ``List`` (``List[Any]`` for type checkers).
    ListFieldBase = marshmallow.fields.List


#: The major version of the installed marshmallow (3 or 4).  Detected by feature,
#: because reading ``marshmallow.__version__`` warns on 3.x and fails on 4.x.
MARSHMALLOW_MAJOR: int = 3 if hasattr(marshmallow.fields.Field, "fail") else 4

#: Whether a validator that returns ``False`` (instead of raising) fails.
VALIDATOR_FALSE_FAILS: bool = MARSHMALLOW_MAJOR < 4

_FIELD_KEYWORDS = frozenset(
    {
        "load_default",
        "dump_default",
        "data_key",
        "attribute",
        "validate",
        "required",
        "allow_none",
        "load_only",
        "dump_only",
        "error_messages",
        "metadata",
        "pre_load",
        "post_load",
    }
)


def post_dump_collection(fn: _F) -> _F:
    """Register ``fn`` as a post-dump hook that receives the whole collection.

    Args:
        fn: the schema method, with the signature
            ``(self, data, original_data, many, **kwargs)``.

    Returns:
        The decorated method.
    """
    # The keyword was renamed in marshmallow 4; passing it by name from a dictionary
    # keeps the call valid for type checkers against either major.
    collection = "pass_collection" if MARSHMALLOW_MAJOR >= 4 else "pass_many"
    options: Dict[str, bool] = {"pass_original": True, collection: True}
    return cast(_F, post_dump(fn, **options))


def translate_field_kwargs(kwargs: Dict[str, Any]) -> Dict[str, Any]:
    """Turn marshmallow-3 style field keyword arguments into ones both majors accept.

    ``missing=`` becomes ``load_default=``, ``default=`` becomes ``dump_default=``
    and every keyword that marshmallow does not know is moved into ``metadata``
    (marshmallow 3 did that itself, with a warning; marshmallow 4 raises).

    Args:
        kwargs: the keyword arguments given to a field constructor, after the
            field's own parameters were taken out.

    Returns:
        A new dictionary for ``marshmallow.fields.Field.__init__``.
    """
    if not kwargs:
        return kwargs
    translated: Dict[str, Any] = {}
    extra: Dict[str, Any] = {}
    for key, value in kwargs.items():
        if key == "missing":
            if value is not MISSING:
                translated.setdefault("load_default", value)
        elif key == "default":
            if value is not MISSING:
                translated.setdefault("dump_default", value)
        elif key in _FIELD_KEYWORDS:
            translated[key] = value
        else:
            extra[key] = value
    if extra:
        metadata: Mapping[str, Any] = translated.get("metadata") or {}
        translated["metadata"] = {**extra, **metadata}
    return translated


def do_load(schema: marshmallow.Schema, data: Any, *, postprocess: bool) -> Any:
    """Run marshmallow's load machinery, optionally without post-load hooks.

    ``Schema._do_load`` is private marshmallow API, present with this keyword-only
    signature in marshmallow 3.x and 4.x.  The legacy layer used it to check
    constructor arguments without building a model.

    Args:
        schema: the schema instance.
        data: the mapping to load.
        postprocess: whether ``post_load`` hooks run.

    Returns:
        What marshmallow returns.
    """
    return schema._do_load(data, postprocess=postprocess)  # noqa: SLF001
