"""Errors the user can act on, kept apart from bugs.

Anything raised as a ``UserFacingError`` is shown to the official as a clear
message (one dialog in the window, one line on stderr for the command line);
anything else is a bug and goes to the crash log.
"""


# Control characters would act on a terminal (escape sequences) and bidi
# controls reorder what a reader sees; both are shown as escapes instead.
_UNSEEN = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7f, 0xa0))}
_UNSEEN.update({c: f"\\u{c:04x}" for c in (0x061c, 0x200e, 0x200f, *range(0x202a, 0x202f),
                                             *range(0x2066, 0x206a))})


def printable(text, limit: int = 200) -> str:
    """``text`` safe to show in a message or on a terminal: control and
    direction characters escaped, lone surrogates replaced, and cut at ``limit``."""
    text = str(text).translate(_UNSEEN)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def visible(text, limit: int = 200) -> str:
    """``text`` as a message quotes it, every character that cannot be seen
    (controls, format characters such as U+200B and U+FEFF, private use,
    spaces other than the plain one, lone surrogates) written as its escape:
    the official sees what was refused. Cut at ``limit``."""
    text = "".join(c if c.isprintable() else _escape(c) for c in str(text))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def quoted(value) -> str:
    """A refused value in a message: in quotes, ``visible``."""
    return f"'{visible(value)}'"


def _escape(c: str) -> str:
    code = ord(c)
    if c in "\n\r\t":
        return repr(c)[1:-1]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"


class UserFacingError(Exception):
    """A problem the user can understand and act on."""

    title = "Cannot continue"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(UserFacingError):
    """Input that cannot be accepted; nothing was written."""

    title = "Please check the entry"


class FieldError(ValidationError):
    """A value refused, naming the field it was typed in (``field``: its column)."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


class MinutesLockedError(ValidationError):
    """A change that would alter approved minutes."""

    title = "Minutes approved"


# What the file's own triggers say when a change would alter approved minutes
# (schema s12), or store text where a number or a date belongs (s13); the
# write path turns each into words.
APPROVED_MINUTES_ARE_FINAL = "approved minutes are final"
WRONG_KIND = "a value of the wrong kind"


class NotFoundError(UserFacingError):
    title = "Not found"


class FileProblem(UserFacingError):
    """A problem with the taskforce file itself."""

    title = "Cannot open the file"

    def __init__(self, message: str, path=None):
        super().__init__(message)
        self.path = path


class NotTaskforceFileError(FileProblem):
    pass


class DamagedFileError(FileProblem):
    pass


class AlteredFileError(FileProblem):
    """A file whose schema is not the one this program makes: it could act on the record."""


class NewerFileError(FileProblem):
    pass


class FileLockedError(FileProblem):
    title = "File in use"


class ReadOnlyError(FileProblem):
    title = "The file is read-only"


class NotSavedError(FileProblem):
    """A write failed for a reason outside the program (disk full, I/O error)."""

    title = "Change not saved"


class DiskFullError(NotSavedError):
    """The disk is full: nothing was written."""


def disk_full(path) -> DiskFullError:
    """The one message for a full disk, whatever was being written."""
    name = getattr(path, "name", str(path))
    return DiskFullError(f"Nothing was saved: the disk holding {name} is full. What was saved "
                         "before is safe. Free some space and try again.", path)


class Cancelled(Exception):
    """Long work stopped at the user's request; nothing was written.

    Not a ``UserFacingError``: the user asked for it, so there is nothing to show.
    """
