"""The input manager's table: every input the viewer handles, across projects, paged.

A page is one walk down one index (see ``shared.ideation.models``): the
phase's own indexes when a phase is chosen (newest, oldest, most liked), a
project's manager indexes when a project is chosen, else the platform's.
Filters on attributes (topic, status, assignee, reported, reached, dates on count
orders) are DynamoDB filter expressions; projects the viewer does not reach
are dropped in memory (a viewer reaching one project reads that project's
partition; one reaching several but not all reads the platform's, so their
pages may be short when their projects hold a small share of the platform). Each request reads at most :data:`READ_BUDGET` index
items: a sparse filter then gives a short page with a cursor, never a skipped
or repeated row, because the cursor is the index key of the last row returned
(or of the last item read when the budget ran out).

With a search (``q``), matching ids come from the per-phase word index of
every phase in scope. At most :data:`MAX_SEARCH_MATCHES` ideas may match: a
broader search is refused (``too_many_matches``, naming the limit) before any
idea is read, because the word index has no order of its own and a page in
the view's order needs every match. So a searched page reads at most that
many ideas (in batches), filters and orders them in memory by the index sort
keys, and its cursor is the sort key of the last row (keyset, so it never
repeats a row either). :meth:`InputListing.iterate` (exports) reads the
matches once for the whole view, not once per page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from pynamodb.expressions.condition import Condition

from shared.db.pagination import MAX_PAGE_SIZE, Page, decode_cursor, encode_cursor
from shared.errors import FieldIssue, NotFoundError, ValidationError
from shared.ideation import ranking
from shared.ideation.models import IdeaRecord, IdeasItem
from shared.ideation.phases import project_by_ref
from shared.ideation.ports import Profiles
from shared.ideation.repository import IdeaRepository, comments_key
from shared.ideation.search import SearchIndex
from shared.ideation.statuses import StatusService
from shared.ideation.text import query_words
from shared.inputs.index_pages import IdeaIndexPages
from shared.inputs.ports import IndexPages, IndexRead, WordSearch
from shared.inputs.schemas import (
    ASSIGNEE_ME,
    ASSIGNEE_NONE,
    InputQuery,
    InputRow,
    InputSort,
    RowPhase,
    RowProject,
    RowStatus,
)
from shared.inputs.scope import Reach, input_phase_ids, project_resource, reach
from shared.permissions import Action, Principal, authorize
from shared.tenancy.context import TenantContext

READ_BUDGET = 1_000
FILTERED_PAGE = 250
# Ten batch reads of ideas per searched page at most; a search matching more than this
# is too broad to order usefully anyway (the person is asked to narrow it).
MAX_SEARCH_MATCHES = 1_000


def _bad_cursor() -> ValidationError:
    return ValidationError(
        issues=[FieldIssue("cursor", "invalid_cursor", "This page link is not valid any more.")]
    )


def _too_many_matches(cap: int) -> ValidationError:
    return ValidationError(
        issues=[
            FieldIssue(
                "q",
                "too_many_matches",
                f"More than {cap:,} inputs match these words. Add a word, or choose a project "
                "or a phase, to narrow the search.",
            )
        ],
        extra={"max_matches": cap},
    )


def _unknown_phase() -> ValidationError:
    return ValidationError(
        issues=[
            FieldIssue("phase", "unknown_phase", "Choose an ideation phase of the chosen project.")
        ]
    )


def reports_of(record: IdeaRecord) -> int:
    """Reports on an idea (derived by the moderation worker; absent on older ideas: none)."""
    return int(record.reports or 0)


def is_hidden(record: IdeaRecord) -> bool:
    return record.hidden_reason is not None


def _day_start(day: date) -> str:
    return datetime.combine(day, time(), UTC).isoformat()


def _day_after(day: date) -> str:
    return datetime.combine(day + timedelta(days=1), time(), UTC).isoformat()


def _attribute_filters(query: InputQuery) -> list[Condition]:
    """The query's filters on the input's own attributes: topic, status, reported, reached."""
    parts: list[Condition] = []
    if query.topic:
        parts.append(IdeaRecord.topic_ids.contains(query.topic))
    if query.status:
        parts.append(IdeaRecord.status_id == query.status)
    if query.reported:
        parts.append(IdeaRecord.reports > 0)
    if query.reached:
        parts.append(IdeaRecord.reached_at.exists())
    return parts


def _created_between(query: InputQuery) -> list[Condition]:
    """The date range as filter conditions (for orders whose keys do not start with it)."""
    parts: list[Condition] = []
    if query.from_ is not None:
        parts.append(IdeaRecord.created_at >= datetime.combine(query.from_, time(), UTC))
    if query.to is not None:
        after = datetime.combine(query.to + timedelta(days=1), time(), UTC)
        parts.append(IdeaRecord.created_at < after)
    return parts


@dataclass(frozen=True)
class Plan:
    """One index walk: which index, which partition, which way, which key range."""

    index: str
    prefix: str
    hash_key: str
    forward: bool
    dated_keys: bool  # the sort key starts with the creation time (date range as key condition)


def sort_key(sort: InputSort) -> Callable[[IdeaRecord], str]:
    """The index sort key of each order, computed (for search results)."""
    if sort in (InputSort.NEWEST, InputSort.OLDEST):
        return lambda r: ranking.newest_key(r.created_at, r.idea_id)
    if sort is InputSort.MOST_LIKED:
        return lambda r: ranking.likes_key(int(r.likes or 0), r.created_at, r.idea_id)
    return comments_key


@dataclass(frozen=True)
class Scope:
    """The query resolved against the viewer's reach: project and phase records, filters."""

    reach: Reach
    project_id: str | None
    phase_id: str | None
    assignee: str | None


class InputListing:
    """Pages of the manager's table, and every row of a view (exports).

    The indexes are read through ``index`` (DynamoDB by default), the word index
    through ``search``; budgets and the search cap are arguments so tests can
    walk long views with small ones.
    """

    def __init__(
        self,
        profiles: Profiles,
        search: WordSearch | None = None,
        read_budget: int = READ_BUDGET,
        filtered_page: int = FILTERED_PAGE,
        search_cap: int = MAX_SEARCH_MATCHES,
        index: IndexPages | None = None,
    ) -> None:
        self._profiles = profiles
        self._search: WordSearch = search or SearchIndex()
        self._index: IndexPages = index or IdeaIndexPages()
        self._statuses = StatusService()
        self._read_budget = read_budget
        self._filtered_page = filtered_page
        self._search_cap = search_cap

    # ---- public API -----------------------------------------------------------------

    def page(
        self, tenant: TenantContext, principal: Principal, query: InputQuery
    ) -> Page[InputRow]:
        """One page of the inputs the viewer handles (TEAM_VIEW; rows by INPUT_FEEDBACK)."""
        authorize(principal, Action.TEAM_VIEW)
        scope = self._scope(tenant, principal, query)
        words = query_words(query.q or "")
        if not scope.reach.projects:
            return Page[InputRow](items=[], next_cursor=None)
        if words:
            records, cursor = self._searched(tenant, scope, query, words)
        else:
            records, cursor = self._walk(tenant, scope, query)
        return Page[InputRow](items=self._rows(tenant, scope.reach, records), next_cursor=cursor)

    def iterate(
        self, tenant: TenantContext, principal: Principal, query: InputQuery
    ) -> Iterator[InputRow]:
        """Every row of the view ``query`` describes, fetched page by page (exports).

        A searched view reads its matches once and yields them in pages of rows.
        """
        words = query_words(query.q or "")
        if words:
            authorize(principal, Action.TEAM_VIEW)
            scope = self._scope(tenant, principal, query)
            if not scope.reach.projects:
                return
            records = self._after(self._matching(tenant, scope, query, words), tenant, query)
            for start in range(0, len(records), MAX_PAGE_SIZE):
                yield from self._rows(tenant, scope.reach, records[start : start + MAX_PAGE_SIZE])
            return
        current = query.model_copy(update={"limit": MAX_PAGE_SIZE, "cursor": query.cursor})
        while True:
            page = self.page(tenant, principal, current)
            yield from page.items
            if page.next_cursor is None:
                return
            current = current.model_copy(update={"cursor": page.next_cursor})

    # ---- scope ------------------------------------------------------------------------

    def _scope(self, tenant: TenantContext, principal: Principal, query: InputQuery) -> Scope:
        viewer_reach = reach(tenant, principal, Action.INPUT_FEEDBACK)
        project_id: str | None = None
        if query.project is not None:
            project = project_by_ref(tenant, query.project)
            if project is None:
                raise NotFoundError()
            authorize(principal, Action.INPUT_FEEDBACK, project_resource(tenant, project))
            project_id = project.project_id
        if query.phase is not None:
            owner = (
                viewer_reach.projects.get(project_id)
                if project_id is not None
                else viewer_reach.project_of_phase(query.phase)
            )
            if owner is None or query.phase not in input_phase_ids(owner):
                raise _unknown_phase()
            project_id = owner.project_id
        assignee = query.assignee
        if assignee == ASSIGNEE_ME:
            assignee = principal.user_id
        return Scope(viewer_reach, project_id, query.phase, assignee)

    def _plan(self, repo: IdeaRepository, scope: Scope, sort: InputSort) -> Plan:
        forward = sort is InputSort.OLDEST
        dated = sort in (InputSort.NEWEST, InputSort.OLDEST)
        if scope.phase_id is not None and sort is not InputSort.MOST_COMMENTED:
            index, prefix = ("by_newest", "gsi1") if dated else ("by_likes", "gsi2")
            return Plan(index, prefix, repo.phase_pk(scope.phase_id), forward, dated)
        names = {
            InputSort.NEWEST: "newest",
            InputSort.OLDEST: "newest",
            InputSort.MOST_LIKED: "likes",
            InputSort.MOST_COMMENTED: "comments",
        }
        offsets = {"newest": 0, "likes": 1, "comments": 2}
        name = names[sort]
        project = scope.project_id
        if project is None and len(scope.reach.projects) == 1 and not scope.reach.every_project:
            project = next(iter(scope.reach.projects))
        if project is not None:
            number = 9 + offsets[name]
            return Plan(
                f"project_{name}", f"gsi{number}", repo.project_inputs_pk(project), forward, dated
            )
        number = 6 + offsets[name]
        return Plan(f"manage_{name}", f"gsi{number}", repo.inputs_pk(), forward, dated)

    @staticmethod
    def _filter(scope: Scope, query: InputQuery, plan: Plan) -> Condition | None:
        parts: list[Condition] = []
        if scope.phase_id is not None and plan.prefix not in ("gsi1", "gsi2"):
            parts.append(IdeaRecord.phase_id == scope.phase_id)
        parts += _attribute_filters(query)
        if scope.assignee == ASSIGNEE_NONE:
            parts.append(IdeaRecord.assignee_id.does_not_exist())
        elif scope.assignee is not None:
            parts.append(IdeaRecord.assignee_id == scope.assignee)
        if not plan.dated_keys:
            parts += _created_between(query)
        if not parts:
            return None
        combined = parts[0]
        for part in parts[1:]:
            combined &= part
        return combined

    @staticmethod
    def _range(plan: Plan, query: InputQuery) -> Condition | None:
        if not plan.dated_keys or (query.from_ is None and query.to is None):
            return None
        attribute = IdeasItem.get_attributes()[f"{plan.prefix}sk"]
        if query.from_ is not None and query.to is not None:
            return attribute.between(_day_start(query.from_), _day_after(query.to))
        if query.from_ is not None:
            return attribute >= _day_start(query.from_)
        assert query.to is not None
        return attribute < _day_after(query.to)

    # ---- the index walk ----------------------------------------------------------------

    def _walk(
        self, tenant: TenantContext, scope: Scope, query: InputQuery
    ) -> tuple[list[IdeaRecord], str | None]:
        repo = IdeaRepository(tenant)
        plan = self._plan(repo, scope, query.sort)
        names = ("pk", "sk", f"{plan.prefix}pk", f"{plan.prefix}sk")
        start = self._start(tenant, plan, names, query.cursor)
        condition = self._filter(scope, query, plan)
        # Rows dropped by a filter (or by the viewer's reach) call for bigger pages.
        dropped = condition is not None or (
            plan.index.startswith("manage_") and not scope.reach.every_project
        )
        page_size = self._filtered_page if dropped else query.limit + 1
        pages = self._index.pages(
            IndexRead(
                plan.index,
                plan.hash_key,
                self._range(plan, query),
                condition,
                plan.forward,
                page_size,
                start,
            )
        )
        rows: list[IdeaRecord] = []
        read = 0
        for raw_page in pages:
            read += raw_page.scanned
            for raw in raw_page.items:
                item = IdeasItem.from_raw_data(raw)
                if not isinstance(item, IdeaRecord):
                    continue
                repo.check(item)
                if item.project_id not in scope.reach.projects:
                    continue
                if len(rows) == query.limit:
                    # A further row exists: the page ends at the last row returned.
                    return rows, self._cursor(plan, names, rows[-1])
                rows.append(item)
            last = raw_page.last_key
            if last is None:
                return rows, None
            if read >= self._read_budget:
                return rows, encode_cursor({**last, "ix": {"S": plan.index}})
        return rows, None

    @staticmethod
    def _start(
        tenant: TenantContext, plan: Plan, names: tuple[str, ...], cursor: str | None
    ) -> dict[str, Any] | None:
        """The index key a cursor resumes after; it must belong to this very walk."""
        start = decode_cursor(cursor, tenant)
        if start is None:
            return None
        if start.pop("ix", None) != {"S": plan.index} or set(start) != set(names):
            raise _bad_cursor()
        if start[f"{plan.prefix}pk"] != {"S": plan.hash_key}:
            raise _bad_cursor()
        return start

    @staticmethod
    def _cursor(plan: Plan, names: tuple[str, ...], record: IdeaRecord) -> str | None:
        key: dict[str, Any] = {name: {"S": getattr(record, name)} for name in names}
        key["ix"] = {"S": plan.index}
        return encode_cursor(key)

    # ---- search -------------------------------------------------------------------------

    def _searched(
        self, tenant: TenantContext, scope: Scope, query: InputQuery, words: list[str]
    ) -> tuple[list[IdeaRecord], str | None]:
        matching = self._after(self._matching(tenant, scope, query, words), tenant, query)
        page = matching[: query.limit]
        if len(matching) <= query.limit:
            return page, None
        return page, encode_cursor({"search_after": {"S": sort_key(query.sort)(page[-1])}})

    def _matching(
        self, tenant: TenantContext, scope: Scope, query: InputQuery, words: list[str]
    ) -> list[IdeaRecord]:
        """Every idea of the view having the words, in the view's order (at most the cap)."""
        if scope.phase_id is not None:
            phases = [scope.phase_id]
        elif scope.project_id is not None:
            phases = scope.reach.phase_ids([scope.project_id])
        else:
            phases = scope.reach.phase_ids()
        ids: set[str] = set()
        for phase_id in phases:
            ids |= self._search.search(tenant, phase_id, words)
            if len(ids) > self._search_cap:
                raise _too_many_matches(self._search_cap)
        found = IdeaRepository(tenant).batch_get(ids)
        keep = self._matcher(scope, query)
        descending = query.sort is not InputSort.OLDEST
        return sorted(
            (r for r in found.values() if keep(r)), key=sort_key(query.sort), reverse=descending
        )

    @staticmethod
    def _after(
        records: list[IdeaRecord], tenant: TenantContext, query: InputQuery
    ) -> list[IdeaRecord]:
        """The ordered matches after a searched page's cursor (all of them without one)."""
        start = decode_cursor(query.cursor, tenant)
        if start is None:
            return records
        after = start.get("search_after", {}).get("S") if set(start) == {"search_after"} else None
        if not isinstance(after, str):
            raise _bad_cursor()
        key = sort_key(query.sort)
        if query.sort is InputSort.OLDEST:
            return [r for r in records if key(r) > after]
        return [r for r in records if key(r) < after]

    @staticmethod
    def _matcher(scope: Scope, query: InputQuery) -> Callable[[IdeaRecord], bool]:
        """The in-memory equivalent of the filters (for search results)."""
        start = datetime.combine(query.from_, time(), UTC) if query.from_ else None
        end = datetime.combine(query.to + timedelta(days=1), time(), UTC) if query.to else None

        def keep(record: IdeaRecord) -> bool:
            checks = (
                record.project_id in scope.reach.projects,
                scope.project_id is None or record.project_id == scope.project_id,
                scope.phase_id is None or record.phase_id == scope.phase_id,
                not query.topic or query.topic in (record.topic_ids or set()),
                not query.status or record.status_id == query.status,
                scope.assignee is None
                or (
                    record.assignee_id is None
                    if scope.assignee == ASSIGNEE_NONE
                    else record.assignee_id == scope.assignee
                ),
                not query.reported or reports_of(record) > 0,
                not query.reached or record.reached_at is not None,
                start is None or record.created_at >= start,
                end is None or record.created_at < end,
            )
            return all(checks)

        return keep

    # ---- rows -------------------------------------------------------------------------

    def _rows(
        self, tenant: TenantContext, scope_reach: Reach, records: list[IdeaRecord]
    ) -> list[InputRow]:
        people = {r.author_id for r in records} | {r.assignee_id for r in records if r.assignee_id}
        profiles = self._profiles.profiles(tenant, people)
        statuses = self._statuses.by_id(tenant)
        scope_reach.load_phases((r.project_id, r.phase_id) for r in records)
        rows = []
        for record in records:
            project = scope_reach.projects[record.project_id]
            phase = scope_reach.phase(record.project_id, record.phase_id)
            status = statuses.get(record.status_id) if record.status_id else None
            rows.append(
                InputRow(
                    id=record.idea_id,
                    title=record.title,
                    project=RowProject(
                        id=project.project_id, slug=project.slug, title=project.title
                    ),
                    phase=RowPhase(id=record.phase_id, title=phase.title if phase else {}),
                    author=profiles[record.author_id],
                    status=RowStatus(id=status.id, name=status.title, color=status.color)
                    if status
                    else None,
                    topic_ids=sorted(record.topic_ids or ()),
                    assignee=profiles.get(record.assignee_id) if record.assignee_id else None,
                    likes=int(record.likes or 0),
                    dislikes=int(record.dislikes or 0),
                    comments=int(record.comments or 0),
                    reports=reports_of(record),
                    hidden=is_hidden(record),
                    reached=record.reached_at is not None,
                    created_at=record.created_at,
                    path=f"/ideas/{record.idea_id}",
                )
            )
        return rows
