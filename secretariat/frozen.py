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
from dataclasses import FrozenInstanceError


def record(cls: type) -> type:
    documented = cls.__doc__ is not None
    if not documented:
        cls.__doc__ = cls.__name__  # else dataclasses asks inspect for a signature: 0.3 ms
    cls = dataclasses.dataclass(cls, eq=False, repr=False)
    fields = dataclasses.fields(cls)
    if not documented:
        cls.__doc__ = f"{cls.__name__}({', '.join(f.name for f in fields)})"
    cls._compared = tuple(f.name for f in fields if f.compare)
    cls._shown = tuple(f.name for f in fields if f.repr)
    cls.__eq__ = _equal
    cls.__hash__ = _hash
    cls.__repr__ = _repr
    cls.__setattr__ = _set_once
    cls.__delattr__ = _refuse_delete
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
