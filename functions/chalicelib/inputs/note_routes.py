"""Internal notes on an input: the team's conversation, never shown to residents."""

from __future__ import annotations

from chalicelib.api import ApiResponse, RequestContext, api_route
from chalicelib.inputs.blueprint import bp
from chalicelib.inputs.wiring import notes
from shared.inputs.schemas import Note, NoteCreate, NoteList, NoteUpdate

TAGS = ("input manager",)
ERRORS = (403, 404)
NOTES = "/ideas/{idea_id}/notes"


@api_route(bp, NOTES, response=NoteList, auth="user", tags=TAGS, errors=ERRORS)
def list_notes(ctx: RequestContext, idea_id: str) -> NoteList:
    """The team's notes on an idea, oldest first."""
    return notes().list_notes(ctx.tenant, ctx.principal, idea_id)


@api_route(
    bp,
    NOTES,
    "POST",
    body=NoteCreate,
    response=Note,
    status=201,
    auth="user",
    tags=TAGS,
    errors=ERRORS,
)
def post_note(ctx: RequestContext, idea_id: str, body: NoteCreate) -> ApiResponse:
    """Add a note on an idea, mentioning colleagues of its project."""
    return ApiResponse(notes().post_note(ctx.tenant, ctx.principal, idea_id, body), status=201)


@api_route(
    bp,
    NOTES + "/{note_id}",
    "PATCH",
    body=NoteUpdate,
    response=Note,
    auth="user",
    tags=TAGS,
    errors=ERRORS,
)
def edit_note(ctx: RequestContext, idea_id: str, note_id: str, body: NoteUpdate) -> Note:
    """Change one's own note."""
    return notes().edit_note(ctx.tenant, ctx.principal, idea_id, note_id, body)


@api_route(bp, NOTES + "/{note_id}", "DELETE", auth="user", tags=TAGS, errors=ERRORS)
def delete_note(ctx: RequestContext, idea_id: str, note_id: str) -> None:
    """Remove a note (its author, or an admin)."""
    notes().delete_note(ctx.tenant, ctx.principal, idea_id, note_id)
