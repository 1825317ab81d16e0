"""Attachments: confirmed uploads of this platform and of an allowed type only."""

from __future__ import annotations

from tests.api.projects.conftest import png_bytes, put_upload
from tests.conftest import body_of


def test_attach_list_and_remove_a_file(api, admin):
    project = admin.project("Files", publish=True)
    pid = project["id"]
    key = put_upload("project_attachment", "plan.pdf", b"%PDF-1.4 plan", "application/pdf")
    attachment = admin.call(
        "POST", f"/projects/{pid}/attachments", {"upload_key": key, "name": "Site plan"}, 201
    )
    assert attachment["name"] == "Site plan"
    assert attachment["content_type"] == "application/pdf"
    assert attachment["size"] == len(b"%PDF-1.4 plan")
    assert "plan.pdf" in attachment["url"]
    public = body_of(api.get(f"/projects/{pid}"))
    assert [a["id"] for a in public["attachments"]] == [attachment["id"]]
    admin.call("DELETE", f"/projects/{pid}/attachments/{attachment['id']}", expect=204)
    assert body_of(api.get(f"/projects/{pid}"))["attachments"] == []


def test_another_platforms_upload_is_refused(api, admin):
    pid = admin.project("Mine")["id"]
    key = put_upload("project_attachment", "x.pdf", b"%PDF", "application/pdf", tenant="beta")
    response = api.post(f"/projects/{pid}/attachments", {"upload_key": key}, token="admin-a")
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["code"] == "invalid_upload"


def test_a_wrong_type_or_purpose_is_refused(api, admin):
    pid = admin.project("Typed")["id"]
    # uploaded for another purpose
    header = put_upload("project_header", "h.png", png_bytes(), "image/png")
    response = api.post(f"/projects/{pid}/attachments", {"upload_key": header}, token="admin-a")
    assert response.status_code == 422
    # stored with a content type attachments do not allow
    script = put_upload("project_attachment", "x.html", b"<script>", "text/html")
    response = api.post(f"/projects/{pid}/attachments", {"upload_key": script}, token="admin-a")
    assert response.status_code == 422
    assert body_of(response)["errors"][0]["code"] == "invalid_upload"
    # a key nobody uploaded
    missing = "alpha/project_attachment/admin-a/abc/missing.pdf"
    response = api.post(f"/projects/{pid}/attachments", {"upload_key": missing}, token="admin-a")
    assert body_of(response)["errors"][0]["code"] == "upload_missing"
    assert admin.call("GET", f"/projects/{pid}")["attachments"] == []


def test_residents_cannot_attach_files(api, admin):
    pid = admin.project("Closed", publish=True)["id"]
    key = put_upload("project_attachment", "r.pdf", b"%PDF", "application/pdf", user="resident-a")
    response = api.post(f"/projects/{pid}/attachments", {"upload_key": key}, token="resident-a")
    assert response.status_code == 403


def test_removing_an_unknown_attachment_is_404(admin):
    pid = admin.project("Nothing attached")["id"]
    admin.call("DELETE", f"/projects/{pid}/attachments/missing", expect=404)
