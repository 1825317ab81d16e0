"""The repository is bound to one tenant and cannot touch another's items."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import shared.projects.models  # noqa: F401 - registers the table before `aws` creates tables
from shared.db.repository import TenantScopeError
from shared.projects.models import ProjectRecord
from shared.projects.repository import ProjectRepository
from shared.tenancy import TenantContext

ALPHA = TenantContext("alpha", "alpha.test")
BETA = TenantContext("beta", "beta.test")


def _project(repo: ProjectRepository, project_id: str, status: str = "published") -> ProjectRecord:
    now = datetime.now(UTC)
    record = ProjectRecord(
        repo.project_pk(project_id),
        "PROJECT",
        project_id=project_id,
        slug=project_id,
        title={"en": project_id},
        description={},
        status=status,
        visibility="public",
        position=0,
        created_at=now,
        updated_at=now,
    )
    repo.index_project(record)
    return record


def test_a_repository_needs_a_tenant():
    with pytest.raises(TypeError):
        ProjectRepository("alpha")  # type: ignore[arg-type]


def test_keys_start_with_the_tenant(aws):
    repo = ProjectRepository(ALPHA)
    record = _project(repo, "p1")
    assert record.pk == "T#alpha#PROJECT#p1"
    assert record.gsi3pk == "T#alpha#PROJECTS#LISTED"
    assert record.gsi1pk == "T#alpha#PROJECTS#IN#ROOT"


def test_drafts_stay_out_of_the_listed_index(aws):
    record = _project(ProjectRepository(ALPHA), "p2", status="draft")
    assert record.gsi3pk is None and record.gsi3sk is None


def test_another_tenants_item_is_refused(aws):
    alpha_item = _project(ProjectRepository(ALPHA), "p3")
    with pytest.raises(TenantScopeError):
        ProjectRepository(BETA).save(alpha_item)


def test_reads_are_scoped(aws):
    alpha = ProjectRepository(ALPHA)
    alpha.save(_project(alpha, "p4"))
    beta = ProjectRepository(BETA)
    assert beta.get_project("p4") is None
    assert beta.listed_projects(None, 10) == ([], None)
    assert [r.project_id for r in alpha.listed_projects(None, 10)[0]] == ["p4"]


def test_a_slug_is_claimed_once(aws):
    repo = ProjectRepository(ALPHA)
    assert repo.claim_slug("project", "park", "p1")
    assert not repo.claim_slug("project", "park", "p2")
    assert ProjectRepository(BETA).claim_slug("project", "park", "p9")
    repo.release_slug("project", "park", "p2")  # not the owner: kept
    assert repo.find_slug("project", "park") == "p1"
    repo.release_slug("project", "park", "p1")
    assert repo.find_slug("project", "park") is None
