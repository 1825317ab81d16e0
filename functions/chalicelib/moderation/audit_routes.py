"""The audit trail of team actions (admins)."""

from __future__ import annotations

from chalicelib.api import RequestContext, api_route
from chalicelib.identity.wiring import directory
from chalicelib.moderation.blueprint import bp
from shared.db.pagination import Page
from shared.moderation.audit import audit_page
from shared.moderation.schemas import AuditEntry, AuditQuery

TAGS = ("moderation",)


@api_route(
    bp,
    "/moderation/audit",
    query=AuditQuery,
    response=Page[AuditEntry],
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def list_audit(ctx: RequestContext, query: AuditQuery) -> Page[AuditEntry]:
    """Who hid, restored, deleted, reviewed or blocked what, when and why; newest first."""
    return audit_page(ctx.tenant, ctx.principal, query, directory())
