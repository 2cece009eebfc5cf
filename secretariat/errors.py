"""Errors the user can act on, kept apart from bugs.

Anything raised as a ``UserFacingError`` is shown to the official as a clear
message (one dialog in the window, one line on stderr for the command line);
anything else is a bug and goes to the crash log.
"""


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


class NewerFileError(FileProblem):
    pass


class FileLockedError(FileProblem):
    title = "File in use"


class ReadOnlyError(FileProblem):
    title = "The file is read-only"


class NotSavedError(FileProblem):
    """A write failed for a reason outside the program (disk full, I/O error)."""

    title = "Change not saved"


class Cancelled(Exception):
    """Long work stopped at the user's request; nothing was written.

    Not a ``UserFacingError``: the user asked for it, so there is nothing to show.
    """
