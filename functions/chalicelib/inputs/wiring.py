"""The input manager's services of this process, wired to the directory and publisher."""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.discussion.wiring import official_updates
from chalicelib.ideation.wiring import ideas, search_index
from chalicelib.identity.wiring import directory
from shared.inputs.assignment import AssignmentService
from shared.inputs.feedback import BulkFeedbackService
from shared.inputs.files import S3FileCopier
from shared.inputs.listing import InputListing
from shared.inputs.moving import MoveService
from shared.inputs.notes import NoteService


@runtime.cached
def listing() -> InputListing:
    return InputListing(directory(), search_index())


@runtime.cached
def assignments() -> AssignmentService:
    return AssignmentService(directory(), runtime.publisher())


@runtime.cached
def feedback() -> BulkFeedbackService:
    return BulkFeedbackService(ideas(), official_updates())


@runtime.cached
def moves() -> MoveService:
    files = S3FileCopier(runtime.client("s3"), runtime.settings().names.bucket("uploads"))
    return MoveService(runtime.publisher(), files, search_index())


@runtime.cached
def notes() -> NoteService:
    return NoteService(directory(), runtime.publisher())
