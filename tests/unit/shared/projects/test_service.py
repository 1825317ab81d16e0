"""The projects service with injected collaborators (clock, files, publisher) on mock_aws."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import shared.projects.models  # noqa: F401 - registers the table before `aws` creates tables
from shared.errors import NotFoundError
from shared.events import RecordingPublisher
from shared.permissions import ANONYMOUS, Principal, Role, RoleGrant
from shared.projects import ProjectService
from shared.projects.models import PhaseRecord
from shared.projects.repository import ConcurrentChangeError, ProjectRepository
from shared.projects.schemas import FolderCreate, PhaseCreate, PhaseUpdate, ProjectCreate
from shared.tenancy import TenantContext
from shared.uploads import StoredFile, UploadPurpose

ALPHA = TenantContext("alpha", "alpha.test")
BETA = TenantContext("beta", "beta.test")
ADMIN = Principal("u1", "alpha", frozenset({RoleGrant(Role.ADMIN)}))


class FakeFiles:
    """Confirms every key as a PDF; links are predictable."""

    def __init__(self) -> None:
        self.deleted: list[str] = []

    def confirm(
        self, tenant: TenantContext, principal: Principal, key: str, purpose: UploadPurpose
    ) -> StoredFile:
        return StoredFile(key=key, filename="f.pdf", content_type="application/pdf", size=3)

    def download_url(self, key: str, filename: str | None = None) -> str:
        return f"https://files.test/{key}"

    def delete(self, key: str) -> None:
        self.deleted.append(key)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 10, 12, tzinfo=UTC))


@pytest.fixture
def publisher() -> RecordingPublisher:
    return RecordingPublisher()


@pytest.fixture
def service(aws, clock: Clock, publisher: RecordingPublisher) -> ProjectService:
    return ProjectService(
        files=FakeFiles(), publisher=publisher, clock=clock, default_locale=lambda t: "fr"
    )


def _phase(start: str, end: str | None) -> PhaseCreate:
    return PhaseCreate(
        title={"en": start},
        start_date=date.fromisoformat(start),
        end_date=end and date.fromisoformat(end),
        method="information",
    )


def test_seeding_flow_and_the_current_phase_follow_the_clock(service, clock):
    # GIVEN a folder with a published project and two phases
    folder = service.create_folder(ALPHA, ADMIN, FolderCreate(title={"en": "Parks"}))
    project = service.create_project(
        ALPHA, ADMIN, ProjectCreate(title={"en": "Lake"}, folder_id=folder.id)
    )
    first = service.add_phase(ALPHA, ADMIN, project.id, _phase("2026-03-01", "2026-03-31"))
    second = service.add_phase(ALPHA, ADMIN, project.id, _phase("2026-04-01", None))
    service.publish_folder(ALPHA, ADMIN, folder.id)
    service.publish_project(ALPHA, ADMIN, project.id)
    # WHEN residents read it in March THEN the first phase is current
    assert service.get_project(ALPHA, ANONYMOUS, project.slug).current_phase_id == first.id
    # AND in April the second
    clock.now = datetime(2026, 4, 2, tzinfo=UTC)
    assert service.get_project(ALPHA, ANONYMOUS, project.id).current_phase_id == second.id
    # AND before the timeline starts none is
    clock.now = datetime(2026, 1, 1, tzinfo=UTC)
    assert service.get_project(ALPHA, ANONYMOUS, project.id).current_phase_id is None


def test_slug_comes_from_the_tenant_default_language(service):
    project = service.create_project(
        ALPHA, ADMIN, ProjectCreate(title={"en": "Park", "fr": "Le parc"})
    )
    assert project.slug == "le-parc"


def test_timestamps_come_from_the_clock(service, clock):
    project = service.create_project(ALPHA, ADMIN, ProjectCreate(title={"en": "Timed"}))
    assert project.created_at == clock.now
    clock.now = datetime(2026, 5, 1, tzinfo=UTC)
    assert service.publish_project(ALPHA, ADMIN, project.id).published_at == clock.now


def test_phase_events_follow_their_writes(service, publisher):
    project = service.create_project(ALPHA, ADMIN, ProjectCreate(title={"en": "Events"}))
    phase = service.add_phase(ALPHA, ADMIN, project.id, _phase("2026-01-01", None))
    service.update_phase(ALPHA, ADMIN, project.id, phase.id, PhaseUpdate(end_date=date(2026, 2, 1)))
    service.delete_phase(ALPHA, ADMIN, project.id, phase.id)
    assert [e.type for e in publisher.events] == [
        "projects.project.created",
        "projects.phase.created",
        "projects.phase.updated",
        "projects.phase.deleted",
    ]
    assert all(e.tenant_id == "alpha" and e.actor_id == "u1" for e in publisher.events)


def test_another_tenant_cannot_reach_the_project(service):
    project = service.create_project(ALPHA, ADMIN, ProjectCreate(title={"en": "Alpha only"}))
    service.publish_project(ALPHA, ADMIN, project.id)
    beta_admin = Principal("u2", "beta", frozenset({RoleGrant(Role.ADMIN)}))
    with pytest.raises(NotFoundError):
        service.get_project(BETA, beta_admin, project.id)
    with pytest.raises(NotFoundError):
        service.get_project(BETA, ANONYMOUS, project.slug)


def test_a_stale_timeline_write_is_refused_and_leaves_nothing(service):
    # GIVEN two editors who read the same project
    project = service.create_project(ALPHA, ADMIN, ProjectCreate(title={"en": "Race"}))
    repo = ProjectRepository(ALPHA)
    stale = repo.get_project(project.id)
    # WHEN one adds a phase and the other then writes with its stale copy
    service.add_phase(ALPHA, ADMIN, project.id, _phase("2026-01-01", "2026-01-31"))
    now = datetime.now(UTC)
    phase = PhaseRecord(
        repo.project_pk(project.id),
        "PHASE#late",
        phase_id="late",
        project_id=project.id,
        title={"en": "Late"},
        description={},
        start_date="2026-01-15",
        end_date=None,
        method="information",
        method_config={},
        created_at=now,
        updated_at=now,
    )
    assert stale is not None
    with pytest.raises(ConcurrentChangeError):
        repo.write_phase(stale, phase)
    # THEN the overlapping phase was not written
    assert [p.title for p in service.get_project(ALPHA, ADMIN, project.id).phases] == [
        {"en": "2026-01-01"}
    ]


def test_deleting_a_draft_deletes_its_files(aws, clock, publisher):
    files = FakeFiles()
    service = ProjectService(files=files, publisher=publisher, clock=clock)
    from shared.projects.schemas import AttachmentCreate

    project = service.create_project(ALPHA, ADMIN, ProjectCreate(title={"en": "Bin"}))
    service.add_attachment(
        ALPHA, ADMIN, project.id, AttachmentCreate(upload_key="alpha/k/u1/x/f.pdf")
    )
    service.delete_project(ALPHA, ADMIN, project.id)
    assert files.deleted == ["alpha/k/u1/x/f.pdf"]
