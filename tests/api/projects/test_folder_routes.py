"""Folders: lifecycle, the projects inside them, reorder and deletion."""

from __future__ import annotations

from tests.conftest import HOST_B, body_of


def test_folder_lifecycle_and_visibility(api, admin):
    # GIVEN a draft folder
    folder = admin.folder("Mobility")
    assert folder["status"] == "draft" and folder["slug"] == "mobility"
    assert folder["projects"] == [] and folder["project_count"] == 0
    # THEN residents cannot see it
    assert api.get(f"/folders/{folder['id']}").status_code == 404
    assert api.get("/folders/mobility", token="resident-a").status_code == 404
    assert body_of(api.get("/folders"))["items"] == []
    # WHEN it is published THEN it is listed and readable by slug
    admin.call("POST", f"/folders/{folder['id']}/publish")
    assert [f["id"] for f in body_of(api.get("/folders"))["items"]] == [folder["id"]]
    assert body_of(api.get("/folders/mobility"))["status"] == "published"
    # AND archived folders stay readable and listed
    assert admin.call("POST", f"/folders/{folder['id']}/archive")["status"] == "archived"
    assert body_of(api.get("/folders/mobility"))["status"] == "archived"
    response = api.post(f"/folders/{folder['id']}/publish", token="admin-a")
    assert response.status_code == 409
    # AND another platform never sees it
    assert api.get("/folders/mobility", host=HOST_B).status_code == 404
    assert body_of(api.get("/folders", host=HOST_B))["items"] == []


def test_unpublishing_a_folder_hides_it_again(api, admin):
    folder = admin.folder("Green", publish=True)
    admin.call("POST", f"/folders/{folder['id']}/unpublish")
    assert api.get(f"/folders/{folder['id']}").status_code == 404


def test_folder_page_lists_only_the_projects_a_viewer_may_see(api, admin):
    folder = admin.folder("Streets", publish=True)
    live = admin.project("Main street", publish=True, folder_id=folder["id"])
    admin.project("Side street draft", folder_id=folder["id"])
    admin.project("Outside", publish=True)
    public = body_of(api.get(f"/folders/{folder['id']}"))
    assert [p["id"] for p in public["projects"]] == [live["id"]]
    assert public["project_count"] == 1
    assert body_of(api.get("/folders"))["items"][0]["project_count"] == 1
    assert admin.call("GET", f"/folders/{folder['id']}")["project_count"] == 2
    # the public project list filters by folder, and "none" means outside folders
    in_folder = body_of(api.get(f"/projects?folder_id={folder['id']}"))
    assert [p["id"] for p in in_folder["items"]] == [live["id"]]
    outside = body_of(api.get("/projects?folder_id=none"))
    assert [p["title"]["en"] for p in outside["items"]] == ["Outside"]


def test_listing_the_projects_of_a_draft_folder_is_404_for_residents(api, admin):
    folder = admin.folder("Hidden")
    admin.project("In hidden", publish=True, folder_id=folder["id"])
    assert api.get(f"/projects?folder_id={folder['id']}").status_code == 404


def test_projects_need_an_existing_folder(api, admin, admin_b):
    other = admin_b.folder("Beta folder")
    response = api.post(
        "/projects", {"title": {"en": "Lost"}, "folder_id": other["id"]}, token="admin-a"
    )
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["code"] == "unknown_folder"


def test_moving_a_project_into_and_out_of_a_folder(api, admin):
    folder = admin.folder("Parks", publish=True)
    project = admin.project("Lake", publish=True)
    moved = admin.call("PATCH", f"/projects/{project['id']}", {"folder_id": folder["id"]})
    assert moved["folder_id"] == folder["id"]
    assert body_of(api.get(f"/folders/{folder['id']}"))["project_count"] == 1
    out = admin.call("PATCH", f"/projects/{project['id']}", {"move_out_of_folder": True})
    assert out["folder_id"] is None
    assert body_of(api.get(f"/folders/{folder['id']}"))["project_count"] == 0


def test_folder_managers_manage_their_folder_and_its_projects(api, admin, tokens):
    folder = admin.folder("Managed")
    other = admin.folder("Not theirs")
    project = admin.project("Inside", folder_id=folder["id"])
    token = tokens.folder_manager(folder["id"])
    assert api.post(f"/folders/{folder['id']}/publish", token=token).status_code == 200
    assert api.patch(f"/projects/{project['id']}", {}, token=token).status_code == 200
    assert api.post(f"/folders/{other['id']}/publish", token=token).status_code == 404
    listing = body_of(api.get("/admin/folders", token=token))
    assert [f["id"] for f in listing["items"]] == [folder["id"]]
    projects = body_of(api.get(f"/admin/projects?folder_id={folder['id']}", token=token))
    assert [p["id"] for p in projects["items"]] == [project["id"]]
    # they may not move a project out to the top level, where they manage nothing
    response = api.patch(f"/projects/{project['id']}", {"move_out_of_folder": True}, token=token)
    assert response.status_code == 403
    assert api.post("/folders", {"title": {"en": "New"}}, token=token).status_code == 403


def test_reorder_folders(api, admin):
    a, b, c = (admin.folder(t, publish=True)["id"] for t in ("A", "B", "C"))
    admin.call("PUT", "/folders/order", {"ids": [b, c, a]}, 204)
    assert [f["id"] for f in body_of(api.get("/folders"))["items"]] == [b, c, a]
    response = api.put("/folders/order", {"ids": ["missing"]}, token="admin-a")
    assert response.status_code == 422
    assert body_of(response)["code"] == "unknown_ids"


def test_reorder_projects_inside_a_folder(api, admin):
    folder = admin.folder("Ordered", publish=True)
    a, b = (admin.project(t, publish=True, folder_id=folder["id"])["id"] for t in ("One", "Two"))
    outside = admin.project("Outside", publish=True)["id"]
    admin.call("PUT", "/projects/order", {"folder_id": folder["id"], "ids": [b, a]}, 204)
    page = body_of(api.get(f"/folders/{folder['id']}"))
    assert [p["id"] for p in page["projects"]] == [b, a]
    # a project outside the folder is unknown to the folder's order
    response = api.put(
        "/projects/order", {"folder_id": folder["id"], "ids": [outside]}, token="admin-a"
    )
    assert response.status_code == 422


def test_only_empty_draft_folders_can_be_deleted(api, admin):
    folder = admin.folder("Temp")
    project = admin.project("Inside", folder_id=folder["id"])
    response = api.delete(f"/folders/{folder['id']}", token="admin-a")
    assert response.status_code == 409
    assert body_of(response)["code"] == "folder_not_empty"
    admin.call("DELETE", f"/projects/{project['id']}", expect=204)
    admin.call("DELETE", f"/folders/{folder['id']}", expect=204)
    assert admin.call("GET", f"/folders/{folder['id']}", expect=404)
    published = admin.folder("Live", publish=True)
    response = api.delete(f"/folders/{published['id']}", token="admin-a")
    assert body_of(response)["code"] == "not_a_draft"


def test_folder_slug_is_editable_and_unique(api, admin):
    first = admin.folder("Culture")
    second = admin.folder("Culture")
    assert second["slug"] == "culture-2"
    assert admin.call("PATCH", f"/folders/{second['id']}", {"slug": "arts"})["slug"] == "arts"
    response = api.patch(f"/folders/{second['id']}", {"slug": "culture"}, token="admin-a")
    assert body_of(response)["code"] == "slug_taken"
    # project and folder slugs live side by side
    assert admin.project("Culture")["slug"] == "culture"
    assert first["slug"] == "culture"


def test_folder_description_is_sanitised(admin):
    folder = admin.folder("Safe", description={"en": "<p>Hi</p><script>x()</script>"})
    assert folder["description"] == {"en": "<p>Hi</p>"}


def test_public_folder_listing_pages(api, admin):
    ids = [admin.folder(f"F{n}", publish=True)["id"] for n in range(5)]
    first = body_of(api.get("/folders?limit=2"))
    second = body_of(api.get(f"/folders?limit=2&cursor={first['next_cursor']}"))
    third = body_of(api.get(f"/folders?limit=2&cursor={second['next_cursor']}"))
    got = [f["id"] for page in (first, second, third) for f in page["items"]]
    assert got == ids
    assert third["next_cursor"] is None


def test_folder_texts_and_header_image_can_be_changed(api, admin):
    from tests.api.projects.conftest import png_bytes, put_upload

    folder = admin.folder("Plain")
    key = put_upload("project_header", "f.png", png_bytes(), "image/png")
    changed = admin.call(
        "PATCH",
        f"/folders/{folder['id']}",
        {
            "title": {"en": "Fancy", "fr": "Chic"},
            "description": {"en": "<p>New</p><script>x()</script>"},
            "header_image_upload_key": key,
        },
    )
    assert changed["title"] == {"en": "Fancy", "fr": "Chic"}
    assert changed["description"] == {"en": "<p>New</p>"}
    assert key in changed["header_image_url"]
    assert changed["slug"] == "plain"
    cleared = admin.call("PATCH", f"/folders/{folder['id']}", {"remove_header_image": True})
    assert cleared["header_image_url"] is None


def test_residents_cannot_change_folders(api, admin):
    draft = admin.folder("Draft")
    live = admin.folder("Live", publish=True)
    assert api.patch(f"/folders/{draft['id']}", {}, token="resident-a").status_code == 404
    response = api.patch(f"/folders/{live['id']}", {}, token="resident-a")
    assert response.status_code == 403
    assert body_of(response)["code"] == "manager_only"
    assert api.get("/admin/folders", token="resident-a").status_code == 403
