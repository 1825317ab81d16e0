"""Bulk status changes (with an optional official update) through the ideas' own services.

Each idea goes through :class:`~shared.ideation.service.IdeaService.set_status`
and, if asked, the official update service, so the usual permission checks
(``INPUT_FEEDBACK`` per idea), events and notifications follow exactly as for
one idea at a time. What the whole request gets wrong (an unknown status, an
update without readable text) is refused once, before anything changes.
"""

from __future__ import annotations

from shared.discussion.official_updates import clean_body
from shared.discussion.schemas import OfficialUpdateCreate
from shared.errors import DomainError, FieldIssue, ValidationError
from shared.ideation.schemas import StatusChange
from shared.ideation.statuses import StatusService
from shared.inputs.ports import StatusSetter, UpdatePoster
from shared.inputs.schemas import BulkResult, BulkResults, BulkStatusRequest
from shared.permissions import Action, Principal, authorize
from shared.tenancy.context import TenantContext

IDEA = "idea"


class BulkFeedbackService:
    """Sets one status (and posts one update) on many ideas, reporting each."""

    def __init__(self, statuses: StatusSetter, updates: UpdatePoster) -> None:
        self._statuses = statuses
        self._updates = updates

    def set_status(
        self, tenant: TenantContext, principal: Principal, body: BulkStatusRequest
    ) -> BulkResults:
        authorize(principal, Action.TEAM_VIEW)
        if body.status_id not in StatusService().by_id(tenant):
            raise ValidationError(
                issues=[
                    FieldIssue("status_id", "unknown_status", "Choose one of the idea statuses.")
                ]
            )
        update = None
        if body.official_update is not None:
            clean_body(body.official_update)  # refuses an update left empty once, up front
            update = OfficialUpdateCreate(body=body.official_update)
        results = []
        for idea_id in dict.fromkeys(body.idea_ids):
            try:
                self._statuses.set_status(
                    tenant, principal, idea_id, StatusChange(status_id=body.status_id)
                )
                if update is not None:
                    self._updates.post_update(tenant, principal, IDEA, idea_id, update)
            except DomainError as error:
                results.append(BulkResult(idea_id=idea_id, ok=False, code=error.code))
                continue
            results.append(BulkResult(idea_id=idea_id, ok=True, code=None))
        return BulkResults(results=results)
