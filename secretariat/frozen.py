"""``@record``: an immutable record class, as ``@dataclass(frozen=True)`` makes
one, for a third of the cost of making the class.

dataclasses compiles six methods of a frozen class from source (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``): on
Python 3.11 about a millisecond a class, and printing the minutes or opening
the window makes some forty classes. Here dataclasses compiles ``__init__``
alone; the other five are shared functions that read the class's fields.
Fields, ``dataclasses.fields``, ``asdict`` and ``replace`` work as before.
"""

import dataclasses
from dataclasses import FrozenInstanceError, field
from typing import Any, TypeVar, dataclass_transform

_Class = TypeVar("_Class", bound=type)


# Type checkers read a @record class as a frozen dataclass: its fields, __init__, no assigning.
@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: _Class) -> _Class:
    made: Any = cls  # given methods and attributes in place, beyond what a checker follows
    documented = made.__doc__ is not None
    if not documented:
        made.__doc__ = made.__name__  # else dataclasses asks inspect for a signature: 0.3 ms
    dataclasses.dataclass(made, eq=False, repr=False)
    fields = dataclasses.fields(made)
    if not documented:
        made.__doc__ = f"{made.__name__}({', '.join(f.name for f in fields)})"
    made._compared = tuple(f.name for f in fields if f.compare)
    made._shown = tuple(f.name for f in fields if f.repr)
    made.__eq__ = _equal
    made.__hash__ = _hash
    made.__repr__ = _repr
    made.__setattr__ = _set_once
    made.__delattr__ = _refuse_delete
    return cls


def _values(self) -> tuple:
    return tuple(getattr(self, name) for name in self._compared)


def _equal(self, other):
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self) -> int:
    return hash(_values(self))


def _repr(self) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
    return f"{type(self).__qualname__}({shown})"


def _set_once(self, name: str, value) -> None:
    # __init__ sets each field once; after that the record is frozen.
    values = self.__dict__
    if name in values or name not in self.__dataclass_fields__:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    values[name] = value


def _refuse_delete(self, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")
