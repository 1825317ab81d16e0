"""The moderation queue: one activity item per input or comment, newest first.

The moderation worker keeps each item equal to its source (:meth:`ActivityService.refresh`
recomputes excerpt, author and report counts from the content and the report
items, so duplicate and out-of-order events store the same item). Moderators'
state (reviewed, hidden, deleted) is written by :mod:`shared.moderation.actions`
with a version condition; a refresh never touches it.

The list reads one index partition (the tenant's queue, or one project's)
newest first and filters in memory: by the query and by what the viewer
MODERATEs. Each request reads at most ``READ_BUDGET`` items, so a page may
be short (or empty) and still carry a cursor; rows are never skipped or
repeated because the cursor is the last item read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pynamodb.exceptions import PutError, UpdateError
from pynamodb.expressions.update import Action as UpdateAction

from shared.db.pagination import Page, decode_cursor, encode_cursor
from shared.db.repository import TenantRepository
from shared.errors import FieldIssue, NotFoundError, ValidationError
from shared.identity.directory import FORMER_RESIDENT, former_profile
from shared.moderation.audit import sortable
from shared.moderation.models import ActivityRecord, ModerationItem
from shared.moderation.ports import ContentInfo, ContentSource, People, ProjectFacts, ProjectLookup
from shared.moderation.reports import ReportRepository
from shared.moderation.schemas import (
    ActivityItem,
    ActivityQuery,
    ContentState,
    ReportList,
    ReportReason,
    ReportReasons,
    ReportView,
)
from shared.permissions import Action, Principal, Resource, authorize, can
from shared.tenancy.context import TenantContext

ACTIVITY_SK = "ACTIVITY"
REF = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
EXCERPT_CHARS = 280
READ_BUDGET = 300


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


def _invalid_cursor() -> ValidationError:
    return ValidationError(
        issues=[FieldIssue("cursor", "invalid_cursor", "This page link is not valid any more.")]
    )


def clip(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_pending(record: ActivityRecord) -> bool:
    return not record.reviewed and record.state == ContentState.VISIBLE.value


@dataclass(frozen=True)
class ReportCounts:
    total: int
    reasons: dict[str, int]


class ActivityRepository(TenantRepository):
    """Activity items of one tenant (keys: see ``models``)."""

    def item_pk(self, kind: str, target_id: str) -> str:
        return self.key("ACTIVITY", kind, target_id)

    def queue_pk(self, project_id: str | None = None) -> str:
        return self.key("ACTIVITY", "PROJECT", project_id) if project_id else self.key("ACTIVITY")

    def pending_pk(self) -> str:
        return self.key("PENDING")

    @staticmethod
    def stamp(record: ActivityRecord) -> str:
        return f"{sortable(record.created_at)}#{record.target_kind}#{record.target_id}"

    def pending_keys(self, record: ActivityRecord) -> tuple[str | None, str | None]:
        if not is_pending(record):
            return None, None
        return self.pending_pk(), f"{record.project_id}#{self.stamp(record)}"

    def get(self, kind: str, target_id: str, consistent: bool = False) -> ActivityRecord | None:
        try:
            record = ActivityRecord.get(
                self.item_pk(kind, target_id), ACTIVITY_SK, consistent_read=consistent
            )
        except ActivityRecord.DoesNotExist:
            return None
        return self.check(record) if isinstance(record, ActivityRecord) else None

    def store_derived(self, info: ContentInfo, counts: ReportCounts) -> ActivityRecord:
        """Create the item for ``info`` or update its derived attributes (never its state)."""
        record = ActivityRecord(
            self.item_pk(info.kind, info.id),
            ACTIVITY_SK,
            target_kind=info.kind,
            target_id=info.id,
            project_id=info.project_id,
            phase_id=info.phase_id,
            idea_id=info.idea_id,
            author_id=info.author_id,
            title=info.title,
            excerpt=clip(info.excerpt),
            created_at=info.created_at,
            reports=counts.total,
            report_reasons=counts.reasons,
            reviewed=False,
            state=ContentState.HIDDEN.value if info.hidden_reason else ContentState.VISIBLE.value,
            hidden_reason=info.hidden_reason,
            version=0,
        )
        stamp = self.stamp(record)
        record.gsi1pk, record.gsi1sk = self.queue_pk(), stamp
        record.gsi2pk, record.gsi2sk = self.queue_pk(info.project_id), stamp
        record.gsi3pk, record.gsi3sk = self.pending_keys(record)
        try:
            self.check(record).save(condition=ActivityRecord.pk.does_not_exist())
            return record
        except PutError as error:
            if not _condition_failed(error):
                raise
        derived: list[UpdateAction] = [
            ActivityRecord.project_id.set(record.project_id),
            ActivityRecord.phase_id.set(record.phase_id)
            if record.phase_id
            else ActivityRecord.phase_id.remove(),
            ActivityRecord.idea_id.set(record.idea_id)
            if record.idea_id
            else ActivityRecord.idea_id.remove(),
            ActivityRecord.author_id.set(record.author_id),
            ActivityRecord.title.set(record.title)
            if record.title
            else ActivityRecord.title.remove(),
            ActivityRecord.excerpt.set(record.excerpt),
            ActivityRecord.reports.set(counts.total),
            ActivityRecord.report_reasons.set(counts.reasons),
            ActivityRecord.gsi2pk.set(record.gsi2pk),
        ]
        record.update(actions=derived, condition=ActivityRecord.pk.exists())
        fresh = self.get(info.kind, info.id, consistent=True)
        assert fresh is not None
        return fresh

    def write_state(
        self,
        record: ActivityRecord,
        *,
        reviewed: bool,
        state: str,
        hidden_reason: str | None,
    ) -> bool:
        """Change the moderated state if nobody changed it since ``record`` was read.

        The write is conditional on the version read and bumps it; False means
        another moderator came first (re-read and decide again).
        """
        expected = int(record.version or 0)
        record.reviewed, record.state, record.hidden_reason = reviewed, state, hidden_reason
        pk3, sk3 = self.pending_keys(record)
        actions: list[UpdateAction] = [
            ActivityRecord.reviewed.set(reviewed),
            ActivityRecord.state.set(state),
            ActivityRecord.hidden_reason.set(hidden_reason)
            if hidden_reason
            else ActivityRecord.hidden_reason.remove(),
            ActivityRecord.version.set(expected + 1),
            ActivityRecord.gsi3pk.set(pk3) if pk3 else ActivityRecord.gsi3pk.remove(),
            ActivityRecord.gsi3sk.set(sk3) if sk3 else ActivityRecord.gsi3sk.remove(),
        ]
        condition = ActivityRecord.pk.exists() & (ActivityRecord.version == expected)
        try:
            self.check(record).update(actions=actions, condition=condition)
        except UpdateError as error:
            if _condition_failed(error):
                return False
            raise
        record.version = expected + 1
        return True

    def read(
        self, project_id: str | None, cursor: str | None, budget: int
    ) -> tuple[list[ActivityRecord], bool]:
        """Up to ``budget`` items of a queue newest first from ``cursor``; True if more may follow."""
        gsi = "gsi2" if project_id else "gsi1"
        hash_key = self.queue_pk(project_id)
        names = ("pk", "sk", f"{gsi}pk", f"{gsi}sk")
        start = decode_cursor(cursor, self.tenant)
        if start is not None and (set(start) != set(names) or start[f"{gsi}pk"] != {"S": hash_key}):
            raise _invalid_cursor()
        index = getattr(ModerationItem, gsi)
        rows = list(
            index.query(
                hash_key,
                scan_index_forward=False,
                limit=budget,
                page_size=min(budget, 100),
                last_evaluated_key=start,
            )
        )
        return [self.check(r) for r in rows if isinstance(r, ActivityRecord)], len(rows) >= budget

    def comments_of_idea(self, project_id: str, idea_id: str) -> list[ActivityRecord]:
        """The items of the comments on one idea (its project's queue, filtered)."""
        condition = (ActivityRecord.target_kind == "comment") & (ActivityRecord.idea_id == idea_id)
        rows = ModerationItem.gsi2.query(self.queue_pk(project_id), filter_condition=condition)
        return [self.check(r) for r in rows if isinstance(r, ActivityRecord)]

    def authored_by(self, user_id: str) -> list[ActivityRecord]:
        """Every item of the platform's queue whose content ``user_id`` wrote (the tenant
        queue, filtered: only an account's erasure asks)."""
        rows = ModerationItem.gsi1.query(
            self.queue_pk(), filter_condition=ActivityRecord.author_id == user_id
        )
        return [self.check(r) for r in rows if isinstance(r, ActivityRecord)]

    def drop_title(self, record: ActivityRecord) -> None:
        """Remove the (deleted) idea's title an item quotes."""
        try:
            self.check(record).update(
                actions=[ActivityRecord.title.remove()], condition=ActivityRecord.pk.exists()
            )
        except UpdateError as error:
            if not _condition_failed(error):
                raise

    def forget_author(self, record: ActivityRecord, *, keep_text: bool) -> None:
        """Cut an item from its deleted author; without ``keep_text`` drop what they wrote.

        Named attributes only: moderators' state and version are untouched, and a later
        derivation of deleted content keeps these (``ActivityService._mark_deleted``).
        """
        actions: list[UpdateAction] = [ActivityRecord.author_id.set(FORMER_RESIDENT)]
        if not keep_text:
            actions.append(ActivityRecord.excerpt.set(""))
            if record.target_kind == "idea":
                actions.append(ActivityRecord.title.remove())
        try:
            self.check(record).update(actions=actions, condition=ActivityRecord.pk.exists())
        except UpdateError as error:
            if not _condition_failed(error):
                raise

    def cursor_after(self, record: ActivityRecord, project_id: str | None) -> str | None:
        gsi = "gsi2" if project_id else "gsi1"
        key: dict[str, Any] = {
            name: {"S": getattr(record, name)} for name in ("pk", "sk", f"{gsi}pk", f"{gsi}sk")
        }
        return encode_cursor(key)

    def pending_summary(self) -> dict[str, Any]:
        """Not reviewed and visible: ``{"pending", "reported", "by_project": {id: n}}``."""
        pending = reported = 0
        by_project: dict[str, int] = {}
        for row in ModerationItem.gsi3.query(self.pending_pk()):
            if not isinstance(row, ActivityRecord):
                continue
            self.check(row)
            pending += 1
            reported += 1 if int(row.reports or 0) > 0 else 0
            by_project[row.project_id] = by_project.get(row.project_id, 0) + 1
        return {"pending": pending, "reported": reported, "by_project": by_project}


def count_reports(tenant: TenantContext, kind: str, target_id: str) -> ReportCounts:
    reasons = {reason.value: 0 for reason in ReportReason}
    for report in ReportRepository(tenant).of_target(kind, target_id):
        reasons[report.reason] = reasons.get(report.reason, 0) + 1
    return ReportCounts(sum(reasons.values()), reasons)


def project_resource(
    tenant: TenantContext, record: ActivityRecord, project: ProjectFacts | None
) -> Resource:
    """The policy's view of an activity item: its project (and folder)."""
    return Resource(
        tenant_id=tenant.tenant_id,
        id=record.target_id,
        owner_id=record.author_id,
        project_id=record.project_id,
        folder_id=project.folder_id if project else None,
    )


class ActivityService:
    """Keeps and lists the moderation queue."""

    def __init__(self, content: ContentSource, projects: ProjectLookup, people: People) -> None:
        self._content = content
        self._projects = projects
        self._people = people

    def refresh(self, tenant: TenantContext, kind: str, target_id: str) -> ActivityRecord | None:
        """Make the item match its source now; a vanished source marks the item deleted.

        A deleted idea takes the items of its comments with it (their threads are gone).
        """
        repo = ActivityRepository(tenant)
        info = self._content.find(tenant, kind, target_id)
        if info is not None:
            counts = count_reports(tenant, kind, target_id)
            self._content.set_reports(tenant, kind, target_id, counts.total)
            return repo.store_derived(info, counts)
        record = repo.get(kind, target_id, consistent=True)
        if record is None:
            return None
        if kind == "idea":
            for comment in repo.comments_of_idea(record.project_id, target_id):
                self._mark_deleted(repo, comment)
        return self._mark_deleted(repo, record)

    @staticmethod
    def _mark_deleted(repo: ActivityRepository, record: ActivityRecord) -> ActivityRecord | None:
        for _ in range(5):
            if record.state == ContentState.DELETED.value:
                return record
            if repo.write_state(
                record,
                reviewed=bool(record.reviewed),
                state=ContentState.DELETED.value,
                hidden_reason=record.hidden_reason,
            ):
                return record
            fresh = repo.get(record.target_kind, record.target_id, consistent=True)
            if fresh is None:
                return None
            record = fresh
        return None

    def ensure(self, tenant: TenantContext, kind: str, target_id: str) -> ActivityRecord | None:
        """The item, derived now if the worker has not got to it yet (None: no such content)."""
        if not REF.match(target_id):
            return None
        record = ActivityRepository(tenant).get(kind, target_id, consistent=True)
        return record if record is not None else self.refresh(tenant, kind, target_id)

    def resource_of(self, tenant: TenantContext, record: ActivityRecord) -> Resource:
        projects = self._projects.projects(tenant, [record.project_id])
        return project_resource(tenant, record, projects.get(record.project_id))

    def queue(
        self, tenant: TenantContext, principal: Principal, query: ActivityQuery
    ) -> Page[ActivityItem]:
        """A page of the queue, newest first, with the items of projects the viewer moderates."""
        authorize(principal, Action.TEAM_VIEW)
        repo = ActivityRepository(tenant)
        rows, more = repo.read(query.project, query.cursor, READ_BUDGET)
        projects: dict[str, ProjectFacts] = {}
        picked: list[ActivityRecord] = []
        last_read: ActivityRecord | None = None
        for record in rows:
            last_read = record
            if record.project_id not in projects:
                projects.update(self._projects.projects(tenant, [record.project_id]))
            resource = project_resource(tenant, record, projects.get(record.project_id))
            if self._matches(record, query) and can(principal, Action.MODERATE, resource):
                picked.append(record)
                if len(picked) == query.limit:
                    break
        stopped_early = last_read is not None and last_read is not rows[-1]
        cursor = None
        if last_read is not None and (more or stopped_early):
            cursor = repo.cursor_after(last_read, query.project)
        return Page[ActivityItem](items=self._items(tenant, picked, projects), next_cursor=cursor)

    @staticmethod
    def _matches(record: ActivityRecord, query: ActivityQuery) -> bool:
        if query.kind is not None and record.target_kind != query.kind.value:
            return False
        reported = int(record.reports or 0) > 0
        if query.reported is not None and reported != query.reported:
            return False
        if query.reviewed is not None and bool(record.reviewed) != query.reviewed:
            return False
        if query.state is not None:
            return record.state == query.state.value
        return record.state != ContentState.DELETED.value

    def _items(
        self,
        tenant: TenantContext,
        records: Iterable[ActivityRecord],
        projects: dict[str, ProjectFacts],
    ) -> list[ActivityItem]:
        rows = list(records)
        profiles = self._people.profiles(tenant, {r.author_id for r in rows}) if rows else {}
        items = []
        for record in rows:
            project = projects.get(record.project_id)
            author = profiles.get(record.author_id) or former_profile(record.author_id)
            idea_path = (
                f"/projects/{project.slug if project else record.project_id}/ideas/{record.idea_id}"
            )
            path = (
                idea_path
                if record.target_kind == "idea"
                else f"{idea_path}#comment-{record.target_id}"
            )
            items.append(
                ActivityItem(
                    target_kind=record.target_kind,
                    target_id=record.target_id,
                    project_id=record.project_id,
                    project_title=project.title if project else {},
                    title=record.title,
                    excerpt=record.excerpt or "",
                    author=author,
                    created_at=record.created_at,
                    reports=int(record.reports or 0),
                    report_reasons=ReportReasons(**(record.report_reasons or {})),
                    reviewed=bool(record.reviewed),
                    state=record.state,
                    hidden_reason=record.hidden_reason,
                    path=path,
                )
            )
        return items

    def reports(
        self, tenant: TenantContext, principal: Principal, kind: str, target_id: str
    ) -> ReportList:
        """The reports of one input or comment, oldest first (its moderators)."""
        record = self.ensure(tenant, kind, target_id)
        if record is None:
            raise NotFoundError()
        authorize(principal, Action.MODERATE, self.resource_of(tenant, record))
        reports = ReportRepository(tenant).of_target(kind, target_id)
        profiles = self._people.profiles(tenant, {r.reporter_id for r in reports})
        return ReportList(
            items=[
                ReportView(
                    reason=r.reason,
                    note=r.note,
                    reporter=profiles.get(r.reporter_id) or former_profile(r.reporter_id),
                    created_at=r.created_at,
                )
                for r in reports
            ]
        )
