"""Work-arounds for bugs in the Qt bindings we ship with.

PySide6 6.12.0 drops a reference to ``None`` each time a Qt call hands an
empty QVariant back to Python (``index.data(role)`` with no value,
``QComboBox.itemData`` of an item without data, the base ``headerData``).
On Python 3.11, where ``None`` is an ordinary counted object, a few thousand
such calls bring its count to zero and the interpreter aborts with "Fatal
Python error: none_dealloc". Python 3.12 made ``None`` immortal, so there
the lost references are harmless; on 3.11 we give ``None`` enough extra
references that no session can use them up, which is what 3.12 does.
"""

import ctypes
import sys

_HEADROOM = 1 << 40  # far more lost references than any session could make


def protect_none_refcount() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    # ob_refcnt is the first field of every CPython object.
    ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
