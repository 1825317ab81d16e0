"""Tenant isolation, proven for every registered API route.

GIVEN platform A holds a published folder, project, phase, attachment and two
accounts, all carrying a marker string, WHEN every route of the API is called
on platform B — anonymously, as a resident of B and as an admin of B — with
A's ids in the path and A's ids, emails and upload keys in the body, THEN no
response reveals A's data, no call that addresses A's objects succeeds, and
every item and object of A is byte-for-byte unchanged.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from PIL import Image

from chalicelib import runtime
from chalicelib.api.routing import ROUTES, RouteSpec
from shared.permissions import Role, RoleGrant
from shared.tenancy import TenantContext
from tests.conftest import HOST_A, HOST_B, body_of

MARKER = "zqalphamarker"
PASSWORD = "correct horse battery staple"
_PARAM = re.compile(r"\{(\w+)\}")


def _register(host: str, tenant_id: str, email: str, first: str, admin: bool) -> str:
    service = _identity()
    grants = frozenset({RoleGrant(Role.ADMIN)}) if admin else frozenset()
    user = service.register_user(
        TenantContext(tenant_id, host),
        email,
        PASSWORD,
        first,
        first + "son",
        "en",
        confirmed=True,
        grants=grants,
    )
    return str(user.user_id)


def _identity() -> Any:
    from chalicelib.identity import wiring

    return wiring.accounts()


def _sign_in(api: Any, host: str, email: str) -> str:
    response = api.post("/auth/sign-in", {"email": email, "password": PASSWORD}, host=host)
    assert response.status_code == 200, response.body
    return str(body_of(response)["access_token"])


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def _upload(
    api: Any, token: str, purpose: str, filename: str, content_type: str, data: bytes
) -> str:
    ticket = body_of(
        api.post(
            "/uploads",
            {
                "purpose": purpose,
                "filename": filename,
                "content_type": content_type,
                "size": len(data),
            },
            token=token,
        )
    )
    runtime.client("s3").put_object(
        Bucket=runtime.settings().names.bucket("uploads"),
        Key=ticket["key"],
        Body=data,
        ContentType=content_type,
    )
    return str(ticket["key"])


@pytest.fixture
def world(api: Any) -> dict[str, Any]:
    """Platform A's data (all marked) and tokens for three kinds of callers on B."""
    a_admin_email = f"admin@{MARKER}.example"
    a_resident_email = f"resident@{MARKER}.example"
    a_admin = _register(HOST_A, "alpha", a_admin_email, MARKER + "admin", admin=True)
    a_resident = _register(HOST_A, "alpha", a_resident_email, MARKER + "resident", admin=False)
    _register(HOST_B, "beta", "admin@beta.example", "Bea", admin=True)
    _register(HOST_B, "beta", "resident@beta.example", "Ben", admin=False)
    token_a = _sign_in(api, HOST_A, a_admin_email)

    title = {"en": f"{MARKER} title"}
    folder = body_of(api.post("/folders", {"title": title}, token=token_a))
    api.post(f"/folders/{folder['id']}/publish", token=token_a)
    header = _upload(api, token_a, "project_header", "h.png", "image/png", _png())
    project = body_of(
        api.post(
            "/projects",
            {
                "title": title,
                "description": {"en": f"<p>{MARKER} description</p>"},
                "folder_id": folder["id"],
                "header_image_upload_key": header,
            },
            token=token_a,
        )
    )
    phase = body_of(
        api.post(
            f"/projects/{project['id']}/phases",
            {"title": title, "start_date": "2026-01-01", "end_date": None, "method": "information"},
            token=token_a,
        )
    )
    attachment_key = _upload(
        api, token_a, "project_attachment", "a.txt", "text/plain", f"{MARKER} file".encode()
    )
    attachment = body_of(
        api.post(
            f"/projects/{project['id']}/attachments", {"upload_key": attachment_key}, token=token_a
        )
    )
    published = api.post(f"/projects/{project['id']}/publish", token=token_a)
    assert published.status_code == 200, published.body
    return {
        "ids": {
            # first, so that a real idea's id named below wins over the stand-in
            **_discussion_of_a(a_resident, a_admin),
            **_notifications_of_a(a_resident, f"{MARKER}idea"),
            "folder_id": folder["id"],
            "project_id": project["id"],
            "phase_id": phase["id"],
            "attachment_id": attachment["id"],
            "user_id": a_resident,
            "admin_id": a_admin,
            **_moderation_of_a(api, token_a, a_resident),
            **_ideation_of_a(api, token_a, project["id"]),
            **_inputs_of_a(api, token_a),
            **_exports_of_a(api, token_a),
            **_groups_of_a(api, token_a, a_resident),
            **_registration_of_a(api, token_a),
            **_verification_of_a(api, token_a),
            **_privacy_of_a(api, token_a),
        },
        "emails": [a_admin_email, a_resident_email],
        "upload_keys": [header, attachment_key],
        "callers": {
            "anonymous": None,
            "resident": _sign_in(api, HOST_B, "resident@beta.example"),
            "admin": _sign_in(api, HOST_B, "admin@beta.example"),
            "admin of A": token_a,
        },
    }


def _moderation_of_a(api: Any, token_a: str, resident_id: str) -> dict[str, str]:
    """A's block of its resident and a word A's admin added to the English list."""
    block = {"user_id": resident_id, "until": "2030-01-01T00:00:00Z", "reason": MARKER}
    assert api.post("/moderation/blocks", block, token=token_a).status_code == 201
    word = "zqalphaword"  # not MARKER: A's own texts carry MARKER and would be refused
    words = {"locale": "en", "add": [word]}
    assert api.post("/moderation/profanity/words", words, token=token_a).status_code == 200
    return {"profanity_word": word}


def _discussion_of_a(resident_id: str, admin_id: str) -> dict[str, str]:
    """A comment (liked by A's admin) and an official update of A, written to the table.

    They hang off a stand-in idea id; when the world holds a real idea, its
    ``idea_id`` replaces the stand-in and the items still prove isolation.
    """
    from datetime import UTC, datetime

    from shared.discussion.models import CommentRecord, OfficialUpdateRecord
    from shared.discussion.repository import DiscussionRepository

    repo = DiscussionRepository(TenantContext("alpha", HOST_A))
    now, idea_id = datetime.now(UTC), f"{MARKER}idea"
    comment = CommentRecord(
        repo.comment_pk(f"{MARKER}comment"),
        "COMMENT",
        comment_id=f"{MARKER}comment",
        target_kind="idea",
        target_id=idea_id,
        root_id=f"{MARKER}comment",
        author_id=resident_id,
        body=f"{MARKER} comment",
        created_at=now,
    )
    repo.add_comment(comment)
    repo.add_like(comment.comment_id, admin_id, now)
    update = OfficialUpdateRecord(
        repo.update_pk(f"{MARKER}update"),
        "UPDATE",
        update_id=f"{MARKER}update",
        target_kind="idea",
        target_id=idea_id,
        body={"en": f"<p>{MARKER} update</p>"},
        posted_by=admin_id,
        created_at=now,
        updated_at=now,
    )
    repo.save_update(update)
    return {"idea_id": idea_id, "comment_id": comment.comment_id, "update_id": update.update_id}


def _notifications_of_a(resident_id: str, idea_id: str) -> dict[str, str]:
    """A follow, a notification and email preferences of A's resident, written to the table.

    ``kind`` is a marker (a real kind such as "idea" would be a "secret" found in
    every document that names it); B reaches no target of that kind, nor A's
    notification by its id.
    """
    from datetime import UTC, datetime

    from shared.notifications.repository import NotificationsRepository

    repo = NotificationsRepository(TenantContext("alpha", HOST_A))
    now, notification_id = datetime.now(UTC), "0123456789abcdef0123456789abcdef"
    repo.set_follow(resident_id, "idea", idea_id, True, now)
    record = repo.new_notification(
        resident_id,
        notification_id,
        type="comment_on_my_idea",
        event_id=f"{MARKER}event",
        actor_id=None,
        target_kind="idea",
        target_id=idea_id,
        target_title={"en": f"{MARKER} idea"},
        target_path=f"/ideas/{idea_id}",
        excerpt=f"{MARKER} excerpt",
        created_at=now,
    )
    assert repo.add_notification(record)
    repo.save_preferences(resident_id, ["mention"], now)
    return {"kind": f"{MARKER}kind", "target_id": idea_id, "notification_id": notification_id}


def _ideation_of_a(api: Any, token_a: str, project_id: str) -> dict[str, str]:
    """A's topic, own idea status and input forms, and a located idea with an image in
    an open ideation phase of a second published project, all through the API."""

    def ok(response: Any, status: int = 200) -> Any:
        assert response.status_code == status, response.body
        return body_of(response)

    topic = ok(api.post("/topics", {"title": {"en": f"{MARKER} topic"}}, token=token_a), 201)
    status = ok(
        api.post(
            "/idea-statuses",
            {"code": f"{MARKER}_review", "title": {"en": f"{MARKER} status"}, "color": "#123456"},
            token=token_a,
        ),
        201,
    )
    form = {"topic_ids": [topic["id"]]}
    ok(api.put(f"/projects/{project_id}/input-form", form, token=token_a))
    second = ok(api.post("/projects", {"title": {"en": f"{MARKER} ideas"}}, token=token_a), 201)
    phase = ok(
        api.post(
            f"/projects/{second['id']}/phases",
            {"title": {"en": "Ideas"}, "start_date": "2020-01-01", "method": "ideation"},
            token=token_a,
        ),
        201,
    )
    ok(api.put(f"/projects/{second['id']}/input-form", form, token=token_a))
    ok(api.post(f"/projects/{second['id']}/publish", token=token_a))
    image = _upload(api, token_a, "idea_image", "i.png", "image/png", _png())
    idea = ok(
        api.post(
            f"/projects/{second['id']}/phases/{phase['id']}/ideas",
            {
                "title": {"en": f"{MARKER} idea"},
                "body": {"en": f"<p>{MARKER} body</p>"},
                "topic_ids": [topic["id"]],
                "location": {"lat": 1.5, "lng": 2.5, "address": f"{MARKER} street"},
                "image_keys": [image],
            },
            token=token_a,
        ),
        201,
    )
    ok(api.put(f"/ideas/{idea['id']}/status", {"status_id": status["id"]}, token=token_a))
    ok(api.put(f"/ideas/{idea['id']}/reaction", {"kind": "like"}, token=token_a))  # a ballot
    return {"topic_id": topic["id"], "status_id": status["id"], "idea_id": idea["id"]}


def _inputs_of_a(api: Any, token_a: str) -> dict[str, str]:
    """An internal note on A's idea, found through A's input manager."""
    rows = body_of(api.get("/manage/inputs", token=token_a))["items"]
    assert len(rows) == 1, rows
    note = api.post(f"/ideas/{rows[0]['id']}/notes", {"body": f"{MARKER} note"}, token=token_a)
    assert note.status_code == 201, note.body
    return {"note_id": body_of(note)["id"]}


def _exports_of_a(api: Any, token_a: str) -> dict[str, str]:
    """An export job of A's admin (queued: the workflow does not execute here)."""
    job = api.post("/manage/exports", {"format": "csv"}, token=token_a)
    assert job.status_code == 202, job.body
    return {"export_id": body_of(job)["id"]}


def _groups_of_a(api: Any, token_a: str, resident_id: str) -> dict[str, str]:
    """A manual group with A's resident in it, and a smart group of verified residents."""
    manual = api.post("/groups", {"title": {"en": f"{MARKER} group"}}, token=token_a)
    assert manual.status_code == 201, manual.body
    group_id = body_of(manual)["id"]
    added = api.post(f"/groups/{group_id}/members", {"user_ids": [resident_id]}, token=token_a)
    assert added.status_code == 200, added.body
    smart = {
        "title": {"en": f"{MARKER} verified"},
        "membership": "smart",
        "rules": {"match": "all", "rules": [{"type": "verified", "verified": True}]},
    }
    assert api.post("/groups", smart, token=token_a).status_code == 201
    return {"group_id": group_id}


def _registration_of_a(api: Any, token_a: str) -> dict[str, str]:
    """A custom registration field of A (switched on) and an area of A's."""
    field = {
        "type": "text",
        "label": {"en": f"{MARKER} question"},
        "purpose": {"en": f"{MARKER} purpose"},
    }
    created = api.post("/registration/fields", field, token=token_a)
    assert created.status_code == 201, created.body
    area = api.post("/registration/areas", {"name": {"en": f"{MARKER} area"}}, token=token_a)
    assert area.status_code == 201, area.body
    return {"field_id": body_of(created)["id"], "area_id": body_of(area)["id"]}


def _verification_of_a(api: Any, token_a: str) -> dict[str, str]:
    """A's verification set-up: both methods, a provider with its secret, a batch of codes."""
    base = "/admin/verification"
    methods = {"enabled_methods": ["code", "oidc"]}
    assert api.put(f"{base}/methods", methods, token=token_a).status_code == 200
    provider = {
        "name": f"{MARKER} id",
        "issuer": "https://127.0.0.1:9/alpha",
        "client_id": f"{MARKER}client",
        "client_secret": f"{MARKER}secret",
        "sign_in": True,
    }
    assert api.put(f"{base}/oidc", provider, token=token_a).status_code == 200
    batch = {"label": f"{MARKER} codes", "count": 2}
    generated = body_of(api.post(f"{base}/code-batches/generate", batch, token=token_a))
    return {"batch_id": generated["batch"]["id"], "verification_code": generated["codes"][0]}


def _privacy_of_a(api: Any, token_a: str) -> dict[str, str]:
    """A's privacy policy (marked) and A's admin's archive of their own data (queued)."""
    policy = {"document": "privacy", "content": {"en": f"<p>{MARKER} policy</p>"}}
    assert api.post("/legal/versions", policy, token=token_a).status_code == 201
    archive = api.post("/me/data-exports", token=token_a)
    assert archive.status_code == 202, archive.body
    return {"data_export_id": body_of(archive)["id"]}


def _bodies(world: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Request bodies per operation that aim at A's objects from platform B."""
    ids, (a_admin_email, a_resident_email) = world["ids"], world["emails"]
    header_key, attachment_key = world["upload_keys"]
    title = {"en": "Written on B"}
    return {
        "set_user_roles": [{"roles": [{"role": "admin", "scope": []}]}],
        "sign_up": [
            {"email": a_resident_email, "password": PASSWORD, "first_name": "B", "last_name": "B"},
            {
                "email": "new@beta.example",
                "password": PASSWORD,
                "first_name": "B",
                "last_name": "B",
                "answers": {ids["field_id"]: "Written on B"},
            },
        ],
        "confirm_email": [{"token": "x" * 43}],
        "resend_confirmation": [{"email": a_resident_email}],
        "sign_in": [{"email": a_admin_email, "password": PASSWORD}],
        "request_password_reset": [{"email": a_admin_email}],
        "confirm_password_reset": [{"token": "x" * 43, "password": PASSWORD + "!"}],
        "update_me": [
            {"first_name": "Changed", "avatar_upload_key": header_key},
            {"answers": {ids["field_id"]: "Written on B", "area": ids["area_id"]}},
        ],
        "update_platform": [
            {"name": {"en": "Changed"}, "branding": {"logo_upload_key": header_key}}
        ],
        "create_attachment": [{"upload_key": attachment_key}],
        "create_folder": [{"title": title, "header_image_upload_key": header_key}],
        "reorder_folders": [{"ids": [ids["folder_id"]]}],
        "update_folder": [{"title": title}],
        "create_phase": [{"title": title, "start_date": "2027-01-01", "method": "information"}],
        "update_phase": [{"title": title}],
        "create_project": [
            {"title": title, "folder_id": ids["folder_id"], "header_image_upload_key": header_key}
        ],
        "reorder_projects": [{"ids": [ids["project_id"]], "folder_id": ids["folder_id"]}],
        "update_project": [{"title": title, "folder_id": ids["folder_id"]}],
        "create_upload": [
            {"purpose": "avatar", "filename": "x.png", "content_type": "image/png", "size": 10}
        ],
        "create_topic": [{"title": title}],
        "update_topic": [{"title": title, "position": 0}],
        "create_idea_status": [{"code": "written_on_b", "title": title, "color": "#000000"}],
        "update_idea_status": [{"title": title, "color": "#000000"}],
        "reorder_idea_statuses": [{"ids": [ids["status_id"]]}],
        "put_input_form": [{"topic_ids": [ids["topic_id"]]}],
        "create_idea": [
            {"title": title, "topic_ids": [ids["topic_id"]], "image_keys": [header_key]}
        ],
        "update_idea": [{"title": title, "image_keys": [header_key]}],
        "set_idea_status": [{"status_id": ids["status_id"]}],
        "put_reaction": [{"kind": "like"}, {"kind": "dislike"}],
        "post_idea_comment": [{"body": "Written on B", "parent_id": ids["comment_id"]}],
        "edit_comment": [{"body": "Written on B"}],
        "post_official_update": [{"body": {"en": "<p>Written on B</p>"}}],
        "edit_official_update": [{"body": {"en": "<p>Written on B</p>"}, "author_name": None}],
        "file_report": [
            {"target_kind": "idea", "target_id": ids["idea_id"], "reason": "spam"},
            {"target_kind": "comment", "target_id": ids["comment_id"], "reason": "spam"},
        ],
        "moderate": [
            {
                "action": action,
                "reason": "Written on B",
                "targets": [
                    {"target_kind": "idea", "target_id": ids["idea_id"]},
                    {"target_kind": "comment", "target_id": ids["comment_id"]},
                ],
            }
            for action in ("hide", "delete", "review")
        ],
        "block_user": [
            {"user_id": ids["user_id"], "until": "2030-01-01T00:00:00Z", "reason": "Written on B"}
        ],
        "switch_profanity_filter": [{"enabled": False}],
        "change_profanity_words": [{"locale": "en", "add": ["writtenonb"], "remove": ["shit"]}],
        "assign_inputs": [
            {"idea_ids": [ids["idea_id"]], "assignee_id": ids["admin_id"]},
            {"idea_ids": [ids["idea_id"]], "assignee_id": None},
        ],
        "set_inputs_status": [
            {
                "idea_ids": [ids["idea_id"]],
                "status_id": "accepted",
                "official_update": {"en": "<p>Written on B</p>"},
            }
        ],
        "move_inputs": [
            {"idea_ids": [ids["idea_id"]], "phase_id": ids["phase_id"], "mode": mode, "votes": v}
            for mode, v in (("move", "reset"), ("copy", "keep"))
        ],
        "post_note": [{"body": "Written on B", "mentioned_ids": [ids["admin_id"]]}],
        "edit_note": [{"body": "Written on B", "mentioned_ids": []}],
        "create_export": [{"format": "xlsx"}, {"query": {"project": ids["project_id"]}}],
        "create_group": [{"title": title}],
        "update_group": [
            {"title": title},
            {"rules": {"rules": [{"type": "verified", "verified": False}]}},
        ],
        "redeem_verification_code": [{"code": ids["verification_code"]}],
        "start_oidc_verification": [{"return_to": "/"}],
        "start_oidc_sign_in": [{"return_to": "/"}],
        "set_verification_methods": [{"enabled_methods": ["code", "oidc"]}],
        "set_oidc_provider": [
            {
                "name": "Written on B",
                "issuer": "https://127.0.0.1:9/beta",  # refused at once: no network needed
                "client_id": "written-on-b",
                "client_secret": "written-on-b",
                "sign_in": True,
            }
        ],
        "upload_verification_codes": [
            {"label": "Written on B", "codes": [ids["verification_code"], "BBBB-0000"]}
        ],
        "generate_verification_codes": [{"label": "Written on B", "count": 2}],
        "revoke_verification_code": [{"code": ids["verification_code"]}],
        "add_members": [
            {"user_ids": [ids["user_id"]]},
            {"emails": [a_resident_email, "resident@beta.example"]},
        ],
        "create_registration_field": [{"type": "text", "label": title}],
        "update_registration_field": [{"label": title, "enabled": False}],
        "reorder_registration_fields": [{"ids": [ids["field_id"]]}],
        "create_area": [{"name": title}],
        "update_area": [{"name": title}],
        "reorder_areas": [{"ids": [ids["area_id"]]}],
        "publish_legal_page": [{"document": "privacy", "content": {"en": "<p>Written on B</p>"}}],
        "accept_policies": [{"privacy": 1}, {"terms": 1}],
        # Never B's real password: B's callers must stay signed in for the next routes.
        "delete_my_account": [{"password": "not the password"}, {"confirm": True}],
        "confirm_account_deletion": [{"token": "x" * 43}],
        "update_notification_preferences": [
            {"email": {"mention": False, "comment_reply": False, "comment_on_my_idea": False}}
        ],
    }


def _tenant_state(tenant_id: str, host: str) -> dict[str, Any]:
    """Every item and object that belongs to one tenant, read through public APIs."""
    dynamodb, s3 = runtime.client("dynamodb"), runtime.client("s3")
    owned_keys = {f"PLATFORM#{tenant_id}", f"HOST#{host}"}
    items = []
    for table in dynamodb.list_tables()["TableNames"]:
        for page in dynamodb.get_paginator("scan").paginate(TableName=table):
            for item in page["Items"]:
                strings = [v["S"] for v in item.values() if "S" in v]
                if any(s.startswith(f"T#{tenant_id}#") or s in owned_keys for s in strings):
                    items.append((table, sorted((k, repr(v)) for k, v in item.items())))
    objects = []
    for bucket in s3.list_buckets()["Buckets"]:
        listing = s3.list_objects_v2(Bucket=bucket["Name"], Prefix=f"{tenant_id}/")
        for obj in listing.get("Contents", []):
            body = s3.get_object(Bucket=bucket["Name"], Key=obj["Key"])["Body"].read()
            objects.append((bucket["Name"], obj["Key"], body))
    return {"items": sorted(items), "objects": sorted(objects)}


def _path(spec: RouteSpec, ids: dict[str, str]) -> str:
    return _PARAM.sub(lambda m: ids[m.group(1)], spec.path)


def _secrets(world: dict[str, Any]) -> list[str]:
    return [MARKER, *world["ids"].values(), *world["upload_keys"]]


def test_every_route_on_platform_b_leaves_platform_a_alone(api: Any, world: dict[str, Any]) -> None:
    # GIVEN A's state before any call from B
    before = _tenant_state("alpha", HOST_A)
    assert before["items"] and before["objects"]
    bodies = _bodies(world)
    missing = [
        s.operation_id for s in ROUTES if s.body is not None and s.operation_id not in bodies
    ]
    assert not missing, f"add an isolation request body for: {missing}"

    # WHEN every route is called on B by every kind of caller
    calls = 0
    for spec in ROUTES:
        targets_a = bool(_PARAM.search(spec.path))
        for caller, token in world["callers"].items():
            for body in bodies.get(spec.operation_id, [None]):
                response = api.request(
                    spec.method, _path(spec, world["ids"]), host=HOST_B, token=token, json_body=body
                )
                calls += 1
                sent = repr(body)
                text = (response.body or b"").decode(errors="replace")
                label = f"{spec.method} {spec.path} as {caller} on B"
                # THEN nothing of A's comes back that the caller did not send itself
                for secret in _secrets(world):
                    if secret not in sent:
                        assert secret not in text, f"{label} revealed {secret!r}: {text[:300]}"
                # AND nothing addressed by A's ids can be reached from B
                if targets_a:
                    assert response.status_code >= 400, f"{label} answered {response.status_code}"

    # THEN A's items and objects are exactly as they were
    assert calls >= 3 * len(ROUTES)
    assert _tenant_state("alpha", HOST_A) == before


def test_the_token_of_a_is_refused_on_b(api: Any, world: dict[str, Any]) -> None:
    response = api.get("/me", host=HOST_B, token=world["callers"]["admin of A"])
    assert response.status_code == 401
    assert body_of(response)["code"] in {"invalid_token", "not_authenticated"}
