"""Projects: lifecycle, visibility to residents and other platforms, slugs, sanitising."""

from __future__ import annotations

import threading

from tests.api.projects.conftest import ADMIN_A
from tests.conftest import HOST_B, body_of


def test_admin_creates_a_draft_project_with_a_slug_from_the_title(admin):
    # GIVEN alpha's admin WHEN they create a project
    project = admin.project("Café du Parc 2026")
    # THEN it is a draft with a generated slug, an empty timeline and no files
    assert project["status"] == "draft"
    assert project["slug"] == "cafe-du-parc-2026"
    assert project["visibility"] == "public"
    assert project["phases"] == [] and project["attachments"] == []
    assert project["current_phase_id"] is None
    assert project["published_at"] is None


def test_creating_projects_needs_an_admin(api, tokens):
    body = {"title": {"en": "Mine"}}
    assert api.post("/projects", body).status_code == 401
    response = api.post("/projects", body, token="resident-a")
    assert response.status_code == 403
    assert body_of(response)["code"] == "admin_only"


def test_invalid_input_names_the_field(admin):
    response = admin.api.post(
        "/projects", {"title": {"xx": "Nope"}, "visibility": "secret"}, token="admin-a"
    )
    assert response.status_code == 422
    fields = {issue["field"] for issue in body_of(response)["errors"]}
    assert {"title", "visibility"} <= fields


def test_drafts_are_invisible_to_residents_and_anonymous_visitors(api, admin):
    # GIVEN a draft project
    project = admin.project("Secret plan")
    # WHEN a resident or a visitor asks for it by id or slug THEN it does not exist for them
    for ref in (project["id"], project["slug"]):
        assert api.get(f"/projects/{ref}").status_code == 404
        response = api.get(f"/projects/{ref}", token="resident-a")
        assert response.status_code == 404
        assert body_of(response)["code"] == "not_found"
    # AND it is not listed
    assert body_of(api.get("/projects"))["items"] == []
    # BUT its admin sees it
    assert admin.call("GET", f"/projects/{project['slug']}")["id"] == project["id"]


def test_a_project_is_invisible_from_another_platform(api, admin, admin_b):
    # GIVEN a published project on alpha
    project = admin.project("Alpha park", publish=True)
    # WHEN beta's visitors or beta's admin ask beta for it THEN it does not exist there
    assert api.get(f"/projects/{project['id']}", host=HOST_B).status_code == 404
    assert api.get(f"/projects/{project['slug']}", host=HOST_B).status_code == 404
    assert admin_b.call("GET", f"/projects/{project['id']}", expect=404)
    assert body_of(api.get("/projects", host=HOST_B))["items"] == []
    assert admin_b.call("GET", "/admin/projects")["items"] == []
    # AND beta's admin cannot change or publish it
    admin_b.call("PATCH", f"/projects/{project['id']}", {"title": {"en": "Beta!"}}, 404)
    admin_b.call("POST", f"/projects/{project['id']}/archive", expect=404)
    # AND alpha's admin token is not accepted on beta
    response = api.get("/admin/projects", host=HOST_B, token="admin-a")
    assert response.status_code == 401


def test_publish_unpublish_archive_transitions(api, admin):
    project = admin.project("Lifecycle")
    pid = project["id"]
    # draft -> published: residents see it
    published = admin.call("POST", f"/projects/{pid}/publish")
    assert published["status"] == "published" and published["published_at"]
    assert api.get(f"/projects/{pid}").status_code == 200
    # published -> draft: gone again
    assert admin.call("POST", f"/projects/{pid}/unpublish")["status"] == "draft"
    assert api.get(f"/projects/{pid}").status_code == 404
    # unpublishing a draft is refused
    response = admin.api.post(f"/projects/{pid}/unpublish", token="admin-a")
    assert response.status_code == 409
    assert body_of(response)["code"] == "invalid_status_transition"
    assert body_of(response)["from"] == "draft"
    # publish then archive: still readable, marked archived, and still listed
    admin.call("POST", f"/projects/{pid}/publish")
    archived = admin.call("POST", f"/projects/{pid}/archive")
    assert archived["status"] == "archived" and archived["archived_at"]
    public = body_of(api.get(f"/projects/{pid}"))
    assert public["status"] == "archived"
    assert [p["id"] for p in body_of(api.get("/projects"))["items"]] == [pid]
    # archived projects cannot be published or unpublished again
    assert admin.api.post(f"/projects/{pid}/publish", token="admin-a").status_code == 409
    assert admin.api.post(f"/projects/{pid}/unpublish", token="admin-a").status_code == 409


def test_a_draft_can_be_archived_directly(admin):
    project = admin.project("Never launched")
    assert admin.call("POST", f"/projects/{project['id']}/archive")["status"] == "archived"


def test_only_drafts_can_be_deleted(api, admin):
    published = admin.project("Keep me", publish=True)
    response = api.delete(f"/projects/{published['id']}", token="admin-a")
    assert response.status_code == 409
    assert body_of(response)["code"] == "not_a_draft"
    draft = admin.project("Drop me")
    admin.phase(draft["id"], "2026-01-01", None)
    admin.call("DELETE", f"/projects/{draft['id']}", expect=204)
    assert admin.call("GET", f"/projects/{draft['id']}", expect=404)
    # the slug is free again
    assert admin.project("Drop me")["slug"] == "drop-me"


def test_admins_only_visibility_hides_a_published_project_from_residents(api, admin):
    project = admin.project("Internal review", publish=True, visibility="admins")
    assert api.get(f"/projects/{project['id']}", token="resident-a").status_code == 404
    assert body_of(api.get("/projects"))["items"] == []
    assert admin.call("GET", f"/projects/{project['id']}")["visibility"] == "admins"
    # WHEN it is made public THEN residents see it
    admin.call("PATCH", f"/projects/{project['id']}", {"visibility": "public"})
    assert api.get(f"/projects/{project['id']}").status_code == 200


def test_descriptions_are_sanitised(admin):
    html = (
        "<p>Hello <strong>all</strong></p><script>alert(1)</script>"
        '<img src="https://x.test/a.png" onerror="alert(2)"><a href="javascript:alert(3)">x</a>'
    )
    project = admin.project("Safe", description={"en": html})
    stored = project["description"]["en"]
    assert "<strong>all</strong>" in stored
    assert "<script" not in stored and "alert(1)" not in stored
    assert "onerror" not in stored and "javascript:" not in stored
    updated = admin.call(
        "PATCH", f"/projects/{project['id']}", {"description": {"fr": "<p onclick='x()'>Oui</p>"}}
    )
    assert updated["description"] == {"fr": "<p>Oui</p>"}


def test_slugs_are_unique_and_editable(api, admin):
    first = admin.project("Bike lanes")
    second = admin.project("Bike lanes")
    assert (first["slug"], second["slug"]) == ("bike-lanes", "bike-lanes-2")
    # an admin may choose a free slug; the old one is released
    renamed = admin.call("PATCH", f"/projects/{second['id']}", {"slug": "cycling"})
    assert renamed["slug"] == "cycling"
    assert admin.project("Bike lanes 2")["slug"] == "bike-lanes-2"
    # a taken slug is refused
    response = api.patch(f"/projects/{second['id']}", {"slug": "bike-lanes"}, token="admin-a")
    assert response.status_code == 409
    assert body_of(response)["code"] == "slug_taken"
    # a malformed slug is a field error
    response = api.patch(f"/projects/{second['id']}", {"slug": "Not OK"}, token="admin-a")
    assert response.status_code == 422
    # the literal path segment is never a project slug
    assert admin.project("Order")["slug"] == "order-1"


def test_slugs_are_per_platform(admin, admin_b):
    assert admin.project("Harbour")["slug"] == "harbour"
    assert admin_b.project("Harbour")["slug"] == "harbour"


def test_concurrent_creations_never_share_a_slug(api, tokens):
    # GIVEN eight admins creating a project with the same title at the same time
    results: list[int] = []
    slugs: list[str] = []
    lock = threading.Lock()

    # each as its own Lambda would run it (the service; Chalice's test client is single-request)
    from chalicelib.projects.service import projects
    from shared.projects.schemas import ProjectCreate
    from shared.tenancy import TenantContext

    service, tenant = projects(), TenantContext("alpha", "alpha.test")
    barrier = threading.Barrier(8)

    def create() -> None:
        barrier.wait()
        project = service.create_project(
            tenant, ADMIN_A, ProjectCreate.model_validate({"title": {"en": "Market square"}})
        )
        with lock:
            results.append(201)
            slugs.append(project.slug)

    threads = [threading.Thread(target=create) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # THEN every creation succeeded with its own slug
    assert results == [201] * 8
    assert len(set(slugs)) == 8
    assert "market-square" in slugs


def test_public_listing_pages_by_position_without_duplicates(api, admin):
    # GIVEN seven published projects, one draft and one archived
    ids = [admin.project(f"Project {n}", publish=True)["id"] for n in range(7)]
    admin.project("Hidden draft")
    archived = admin.project("Old one", publish=True)
    admin.call("POST", f"/projects/{archived['id']}/archive")
    ids.append(archived["id"])
    # WHEN a visitor pages through three at a time
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        query = "?limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = body_of(api.get("/projects" + query))
        seen += [p["id"] for p in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    # THEN every listed project comes once, in position order, and no page is empty
    assert seen == ids
    assert pages == 3


def test_a_forged_cursor_is_refused(api, admin):
    from shared.db.pagination import encode_cursor

    forged = encode_cursor({"pk": {"S": "T#beta#PROJECT#x"}, "sk": {"S": "PROJECT"}})
    response = api.get(f"/projects?cursor={forged}")
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["code"] == "invalid_cursor"


def test_admin_listing_shows_every_status_and_filters(api, admin):
    draft = admin.project("Draft one")
    live = admin.project("Live one", publish=True)
    listing = admin.call("GET", "/admin/projects")
    assert [p["id"] for p in listing["items"]] == [draft["id"], live["id"]]
    only_live = admin.call("GET", "/admin/projects?status=published")
    assert [p["id"] for p in only_live["items"]] == [live["id"]]
    assert api.get("/admin/projects", token="resident-a").status_code == 403
    assert api.get("/admin/projects").status_code == 401


def test_project_managers_manage_only_their_project(api, admin, tokens):
    mine = admin.project("Mine")
    other = admin.project("Other")
    token = tokens.project_manager(mine["id"])
    # a draft they manage is visible and editable
    assert body_of(api.get(f"/projects/{mine['id']}", token=token))["id"] == mine["id"]
    response = api.patch(f"/projects/{mine['id']}", {"title": {"en": "Mine!"}}, token=token)
    assert response.status_code == 200
    # another draft does not exist for them
    assert api.patch(f"/projects/{other['id']}", {}, token=token).status_code == 404
    # their admin listing holds only their project
    listing = body_of(api.get("/admin/projects", token=token))
    assert [p["id"] for p in listing["items"]] == [mine["id"]]
    # they cannot create projects
    assert api.post("/projects", {"title": {"en": "New"}}, token=token).status_code == 403


def test_reorder_sets_positions_and_refuses_unknown_ids(api, admin):
    a, b, c = (admin.project(t, publish=True)["id"] for t in ("A", "B", "C"))
    admin.call("PUT", "/projects/order", {"folder_id": None, "ids": [c, a]}, 204)
    listing = body_of(api.get("/projects"))
    assert [p["id"] for p in listing["items"]] == [c, a, b]
    assert [p["position"] for p in listing["items"]] == [0, 1, 2]
    response = api.put("/projects/order", {"ids": [a, "nope"]}, token="admin-a")
    assert response.status_code == 422
    assert body_of(response)["code"] == "unknown_ids"
    assert body_of(response)["unknown_ids"] == ["nope"]
    # nothing moved
    assert [p["id"] for p in body_of(api.get("/projects"))["items"]] == [c, a, b]
    assert api.put("/projects/order", {"ids": [a]}, token="resident-a").status_code == 403


def test_header_image_from_a_confirmed_upload(api, admin):
    from tests.api.projects.conftest import png_bytes, put_upload

    key = put_upload("project_header", "header.png", png_bytes(), "image/png")
    project = admin.project("Pretty", header_image_upload_key=key)
    assert key in project["header_image_url"]
    cleared = admin.call("PATCH", f"/projects/{project['id']}", {"remove_header_image": True})
    assert cleared["header_image_url"] is None
    # the removed image is deleted from storage
    from chalicelib import runtime

    listed = runtime.client("s3").list_objects_v2(
        Bucket=runtime.settings().names.bucket("uploads"), Prefix=key
    )
    assert listed.get("KeyCount", 0) == 0
    # a document is not a header image
    pdf = put_upload("project_attachment", "plan.pdf", b"%PDF-1.4", "application/pdf")
    response = api.post(
        "/projects", {"title": {"en": "X"}, "header_image_upload_key": pdf}, token="admin-a"
    )
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["field"] == "upload_key"


def test_created_and_published_events_are_emitted(admin, aws):
    from chalicelib import runtime
    from chalicelib.projects.service import projects
    from shared.events import RecordingPublisher

    recorder = RecordingPublisher()
    projects()._publisher = recorder
    project = admin.project("Evented", publish=True)
    assert [e.type for e in recorder.events] == [
        "projects.project.created",
        "projects.project.published",
    ]
    assert recorder.events[0].data["project_id"] == project["id"]
    assert recorder.events[0].tenant_id == "alpha"
    assert recorder.events[0].actor_id == "admin-a"
    assert runtime.settings().stage == "test"


def test_a_cursor_of_another_list_is_refused(api, admin):
    folder = admin.folder("Cursor folder", publish=True)
    for n in range(3):
        admin.project(f"P{n}", publish=True)
    cursor = body_of(api.get("/projects?limit=1"))["next_cursor"]
    for path in (
        f"/projects?folder_id={folder['id']}&cursor={cursor}",
        f"/folders?cursor={cursor}",
    ):
        response = api.get(path)
        assert response.status_code == 422
        assert body_of(response)["errors"][0]["code"] == "invalid_cursor"


def test_malformed_references_are_simply_not_found(api, admin):
    for ref in ("UPPER", "a%23b", "x" * 200):
        assert api.get(f"/projects/{ref}").status_code == 404
        assert api.get(f"/folders/{ref}").status_code == 404


def test_an_empty_description_clears_a_project_folder_or_phase_description(admin):
    project = admin.project("Described", description={"en": "<p>Why</p>"})
    cleared = admin.call("PATCH", f"/projects/{project['id']}", {"description": {"en": "  "}})
    assert cleared["description"] == {}
    folder = admin.call(
        "POST", "/folders", {"title": {"en": "Box"}, "description": {"en": "<p>All</p>"}}, 201
    )
    assert admin.call("PATCH", f"/folders/{folder['id']}", {"description": {}})["description"] == {}
    body = {"title": {"en": "Ideas"}, "start_date": "2020-01-01", "method": "ideation"}
    phase = admin.call(
        "POST", f"/projects/{project['id']}/phases", {**body, "description": {}}, 201
    )
    assert phase["description"] == {}
    # An unknown language is still refused, empty or not.
    problem = admin.call("PATCH", f"/projects/{project['id']}", {"description": {"xx": ""}}, 422)
    assert problem["errors"][0]["field"] == "description"
