"""Work-arounds for bugs in the Qt bindings we ship with.

PySide6 6.12.0 drops a reference to ``None`` each time a Qt call hands an
empty QVariant back to Python (``index.data(role)`` with no value,
``QComboBox.itemData`` of an item without data, the base ``headerData``).
It likewise drops a reference to ``True`` on every ``Signal.emit()`` (the
value emit returns), which long work reporting its progress does thousands
of times. On Python 3.11, where ``None`` and the booleans are ordinary counted
objects, a few thousand such calls bring a count to zero and the interpreter
aborts with "Fatal Python error: none_dealloc" (or bool_dealloc). Python 3.12
made them immortal, so there the lost references are harmless; on 3.11 we
give them enough extra references that no session can use them up, which is
what 3.12 does.
"""

import ctypes
import sys

_HEADROOM = 1 << 40  # far more lost references than any session could make


def protect_refcounts() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for immortal_in_312 in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(immortal_in_312)).value += _HEADROOM
