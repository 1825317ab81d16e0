"""Bulk feedback: a status, an official update, or both, through the ideas' own services.

Each idea goes through :class:`~shared.ideation.service.IdeaService.set_status`
when a status is asked, then the official update service when an update is, so
the usual permission checks (``INPUT_FEEDBACK`` per idea), events and
notifications follow exactly as for one idea at a time. An update is posted
only after the idea's status, if one was asked, was set; each result says which
parts were done, so "status set, update failed" is told apart from "nothing
changed". What the whole request gets wrong (an unknown status, an update
without readable text) is refused once, before anything changes.
"""

from __future__ import annotations

from shared.discussion.official_updates import clean_body
from shared.discussion.schemas import OfficialUpdateCreate
from shared.errors import DomainError, FieldIssue, ValidationError
from shared.ideation.schemas import StatusChange
from shared.ideation.statuses import StatusService
from shared.inputs.ports import StatusSetter, UpdatePoster
from shared.inputs.schemas import BulkStatusRequest, FeedbackResult, FeedbackResults
from shared.permissions import Action, Principal, authorize
from shared.tenancy.context import TenantContext

IDEA = "idea"


class BulkFeedbackService:
    """Sets one status and/or posts one update on many ideas, reporting each."""

    def __init__(self, statuses: StatusSetter, updates: UpdatePoster) -> None:
        self._statuses = statuses
        self._updates = updates

    def give_feedback(
        self, tenant: TenantContext, principal: Principal, body: BulkStatusRequest
    ) -> FeedbackResults:
        authorize(principal, Action.TEAM_VIEW)
        if body.status_id is not None and body.status_id not in StatusService().by_id(tenant):
            raise ValidationError(
                issues=[
                    FieldIssue("status_id", "unknown_status", "Choose one of the idea statuses.")
                ]
            )
        update = None
        if body.official_update is not None:
            clean_body(body.official_update)  # refuses an update left empty once, up front
            update = OfficialUpdateCreate(body=body.official_update)
        return FeedbackResults(
            results=[
                self._one(tenant, principal, idea_id, body.status_id, update)
                for idea_id in dict.fromkeys(body.idea_ids)
            ]
        )

    def _one(
        self,
        tenant: TenantContext,
        principal: Principal,
        idea_id: str,
        status_id: str | None,
        update: OfficialUpdateCreate | None,
    ) -> FeedbackResult:
        status_set = False
        try:
            if status_id is not None:
                self._statuses.set_status(
                    tenant, principal, idea_id, StatusChange(status_id=status_id)
                )
                status_set = True
            if update is not None:
                self._updates.post_update(tenant, principal, IDEA, idea_id, update)
        except DomainError as error:
            return FeedbackResult(
                idea_id=idea_id,
                ok=False,
                code=error.code,
                status_set=status_set,
                update_posted=False,
            )
        return FeedbackResult(
            idea_id=idea_id,
            ok=True,
            code=None,
            status_set=status_set,
            update_posted=update is not None,
        )
