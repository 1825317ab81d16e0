"""Errors of exports; the ones ending a workflow carry the message its owner sees."""

from __future__ import annotations

from shared.errors import ConflictError


class TooManyExportsError(ConflictError):
    code = "export_in_progress"
    title = "You already have exports running."

    def __init__(self, running: int) -> None:
        super().__init__(
            f"{running} of your exports are still running; wait for one to finish.",
            extra={"running": running},
        )


class ExportError(Exception):
    """An export stopped for a reason its owner can act on (``user_message``)."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class ExportRefusedError(ExportError):
    """The job's owner may no longer read the input manager."""


class ExportSourceError(ExportError):
    """The rows could not be read for a reason the listing explains (access, filters)."""


class ExportJobMissingError(ExportError):
    """The workflow names a job that does not exist (expired, or another platform's)."""


# Workflow error names (the Lambda errorType) whose message is meant for the owner.
USER_FACING_ERRORS = frozenset({"ExportRefusedError", "ExportSourceError", "ExportJobMissingError"})
