"""Reaction routes: like, dislike or withdraw; and the managers' reconcile of a phase."""

from __future__ import annotations

from chalicelib.api import RequestContext, api_route
from chalicelib.ideation.blueprint import bp
from chalicelib.ideation.wiring import reactions
from chalicelib.ideation.worker import counters
from shared.ideation.counters import ReconcileResult
from shared.ideation.reactions import IdeaReactionState, ReactionPut

TAGS = ("ideas",)
ERRORS = (401, 403, 404, 409)


@api_route(
    bp,
    "/ideas/{idea_id}/reaction",
    "PUT",
    body=ReactionPut,
    response=IdeaReactionState,
    tags=TAGS,
    errors=ERRORS,
    auth="content",
)
def put_reaction(ctx: RequestContext, idea_id: str, body: ReactionPut) -> IdeaReactionState:
    """Like or dislike an idea (the same again changes nothing; the other kind switches).

    Refusals: `phase_closed`, `action_disabled` (reacting off), `dislikes_disabled`,
    `like_limit_reached` (409, with `limit`), `not_signed_in` (401).
    """
    return reactions().react(ctx.tenant, ctx.principal, idea_id, body.kind)


@api_route(
    bp,
    "/ideas/{idea_id}/reaction",
    "DELETE",
    response=IdeaReactionState,
    tags=TAGS,
    errors=ERRORS,
    auth="content",
)
def delete_reaction(ctx: RequestContext, idea_id: str) -> IdeaReactionState:
    """Withdraw my reaction to an idea (none is fine too)."""
    return reactions().withdraw(ctx.tenant, ctx.principal, idea_id)


@api_route(
    bp,
    "/admin/phases/{phase_id}/ideas/reconcile",
    "POST",
    response=ReconcileResult,
    auth="user",
    tags=TAGS,
    errors=(401, 403, 404),
)
def reconcile_phase(ctx: RequestContext, phase_id: str) -> ReconcileResult:
    """Recompute every idea's reactions and counts in a phase from the source items."""
    return counters().reconcile_phase_as(ctx.tenant, ctx.principal, phase_id)
