"""Managers and moderators reach only what their grants name, through every project route."""

from __future__ import annotations

from shared.permissions import Principal, Role, RoleGrant
from tests.api.projects.conftest import put_upload
from tests.conftest import body_of

PHASE = {"title": {"en": "Listen"}, "start_date": "2026-01-01", "method": "information"}


def test_a_project_manager_cannot_reach_another_project(api, admin, tokens):
    # GIVEN a project manager of one project, another draft and another published project
    mine = admin.project("Mine")
    draft = admin.project("Someone else's draft")
    live = admin.project("Someone else's live project", publish=True)
    token = tokens.project_manager(mine["id"])
    # WHEN they list the back-office's projects THEN only theirs is there, in any status
    for query in ("", "?status=draft", "?folder_id=none"):
        listing = body_of(api.get(f"/admin/projects{query}", token=token))
        assert [p["id"] for p in listing["items"]] == [mine["id"]], query
    # the other draft does not exist for them
    assert api.get(f"/projects/{draft['id']}", token=token).status_code == 404
    assert api.patch(f"/projects/{draft['id']}", {}, token=token).status_code == 404
    assert api.delete(f"/projects/{draft['id']}", token=token).status_code == 404
    assert api.post(f"/projects/{draft['id']}/publish", token=token).status_code == 404
    # the published one reads as it does for residents, and nothing in it can be changed
    seen = body_of(api.get(f"/projects/{live['id']}", token=token))
    assert seen["id"] == live["id"]
    refusals = [
        api.patch(f"/projects/{live['id']}", {"title": {"en": "Taken"}}, token=token),
        api.post(f"/projects/{live['id']}/unpublish", token=token),
        api.post(f"/projects/{live['id']}/archive", token=token),
        api.post(f"/projects/{live['id']}/phases", PHASE, token=token),
        api.put(f"/projects/{live['id']}/input-form", {}, token=token),
    ]
    for response in refusals:
        assert response.status_code == 403, body_of(response)
        assert body_of(response)["code"] == "manager_only"
    # nor can they attach their own upload to it
    key = put_upload("project_attachment", "a.pdf", b"%PDF", "application/pdf", user=token)
    response = api.post(f"/projects/{live['id']}/attachments", {"upload_key": key}, token=token)
    assert response.status_code == 403
    # and the live project is unchanged
    assert body_of(api.get(f"/projects/{live['id']}"))["title"] == {
        "en": "Someone else's live project"
    }


def test_a_project_manager_cannot_create_or_reorder_projects_nor_manage_folders(api, admin, tokens):
    mine = admin.project("Mine")
    folder = admin.folder("A folder")
    token = tokens.project_manager(mine["id"])
    response = api.post("/projects", {"title": {"en": "New"}}, token=token)
    assert body_of(response)["code"] == "admin_only"
    assert api.put("/projects/order", {"ids": [mine["id"]]}, token=token).status_code == 403
    assert api.get("/admin/folders", token=token).status_code == 403
    assert api.post(f"/folders/{folder['id']}/publish", token=token).status_code == 404
    assert api.post("/folders", {"title": {"en": "Mine"}}, token=token).status_code == 403


def test_a_folder_manager_reaches_only_their_folders_projects(api, admin, tokens):
    # GIVEN a folder manager of one folder, a project in it, one in another folder and one outside
    folder = admin.folder("Theirs")
    other_folder = admin.folder("Not theirs", publish=True)
    inside = admin.project("Inside", folder_id=folder["id"])
    elsewhere = admin.project("Elsewhere", folder_id=other_folder["id"], publish=True)
    outside = admin.project("Outside")
    token = tokens.folder_manager(folder["id"])
    # THEN their lists hold their folder and its project only
    listing = body_of(api.get("/admin/projects", token=token))
    assert [p["id"] for p in listing["items"]] == [inside["id"]]
    listing = body_of(api.get(f"/admin/projects?folder_id={other_folder['id']}", token=token))
    assert listing["items"] == []
    # the other projects cannot be changed
    assert api.get(f"/projects/{outside['id']}", token=token).status_code == 404
    assert api.patch(f"/projects/{outside['id']}", {}, token=token).status_code == 404
    response = api.patch(f"/projects/{elsewhere['id']}", {}, token=token)
    assert response.status_code == 403
    assert api.post(f"/projects/{elsewhere['id']}/phases", PHASE, token=token).status_code == 403
    # nor can they pull one into their folder, or create a project there
    response = api.patch(
        f"/projects/{inside['id']}", {"folder_id": other_folder["id"]}, token=token
    )
    assert response.status_code == 403
    response = api.post(
        "/projects", {"title": {"en": "New"}, "folder_id": folder["id"]}, token=token
    )
    assert body_of(response)["code"] == "admin_only"
    # they may order their own folder's projects, not another folder's, nor the folders
    order = {"folder_id": folder["id"], "ids": [inside["id"]]}
    assert api.put("/projects/order", order, token=token).status_code == 204
    order = {"folder_id": other_folder["id"], "ids": [elsewhere["id"]]}
    assert api.put("/projects/order", order, token=token).status_code == 403
    assert api.put("/folders/order", {"ids": [folder["id"]]}, token=token).status_code == 403


def test_a_moderator_does_not_manage_the_project_they_moderate(api, admin, tokens):
    project = admin.project("Moderated", publish=True)
    grant = RoleGrant(Role.MODERATOR, frozenset({project["id"]}))
    token = tokens.add("mod-a", Principal("mod-a", "alpha", frozenset({grant}), True))
    response = api.get("/admin/projects", token=token)
    assert response.status_code == 403
    assert body_of(response)["code"] == "manager_only"
    response = api.patch(f"/projects/{project['id']}", {"title": {"en": "No"}}, token=token)
    assert response.status_code == 403
    assert api.post(f"/projects/{project['id']}/phases", PHASE, token=token).status_code == 403


def test_a_project_manager_cannot_move_their_project_into_a_folder(api, admin, tokens):
    # GIVEN a project manager of a project outside folders, and a folder they do not manage
    project = admin.project("Placed by admins")
    folder = admin.folder("Somebody's folder")
    token = tokens.project_manager(project["id"])
    # WHEN they try to move it into the folder (or the folder's manager pulls it out again)
    moved = api.patch(f"/projects/{project['id']}", {"folder_id": folder["id"]}, token=token)
    # THEN placing projects stays with admins and the managers of the folder it lands in
    assert moved.status_code == 403
    assert body_of(moved)["code"] == "manager_only"
    assert admin.call("GET", f"/projects/{project['id']}")["folder_id"] is None
    # AND their other changes still work
    renamed = api.patch(f"/projects/{project['id']}", {"title": {"en": "Renamed"}}, token=token)
    assert renamed.status_code == 200
