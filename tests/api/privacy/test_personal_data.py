"""A resident's own data end to end: the archive of it, and deleting the account.

The world (``conftest.World``) has two residents who interact. The archive of
one holds every item of theirs and nothing of the other's; after deletion no
table, index or object holds the person's marked data, the counts agree with
their sources after the workers ran, and kept contributions are anonymised.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from chalicelib import runtime
from tests.api.privacy.conftest import ALPHA, PASSWORD, World, ok, wait_for, wait_until
from tests.conftest import HOST_A, body_of

KINDS = {
    "blocks",
    "comment_likes",
    "comments",
    "consents",
    "email_preferences",
    "follows",
    "group_memberships",
    "ideas",
    "notifications",
    "participation",
    "profile",
    "reactions",
    "reports",
    "uploads",
    "verification",
}


def _archive(world: World, token: str) -> tuple[dict[str, Any], dict[str, Any], zipfile.ZipFile]:
    job = ok(world.api.post("/me/data-exports", token=token, host=HOST_A), 202)
    assert job["status"] == "queued" and job["download_url"] is None
    done = wait_for(world.api, token, f"/me/data-exports/{job['id']}")
    assert done["status"] == "done", done
    s3, bucket = runtime.client("s3"), runtime.settings().names.bucket("exports")
    key = f"alpha/exports/{job['id']}.zip"
    body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    tags = s3.get_object_tagging(Bucket=bucket, Key=key)["TagSet"]
    assert tags == [{"Key": "retention", "Value": "personal-data"}]
    archive = zipfile.ZipFile(io.BytesIO(body))
    kinds = {
        name.removesuffix(".json"): json.loads(archive.read(name))
        for name in archive.namelist()
        if name.endswith(".json")
    }
    return done, kinds, archive


def _ids(items: list[dict[str, Any]], key: str = "id") -> list[Any]:
    return [item[key] for item in items]


def test_the_archive_holds_every_item_of_the_person_and_nothing_of_anyone_else(
    world: World, pump: Any
) -> None:
    ada, bob = world.ada, world.bob
    # WHEN Ada asks for her data and the workflow writes the archive
    done, kinds, archive = _archive(world, ada.token)
    # THEN the job offers a 15-minute link to a zip kept for 7 days
    link = parse_qs(urlparse(done["download_url"]).query)
    assert link["X-Amz-Expires"] == ["900"]
    assert link["response-content-disposition"][0].startswith('attachment; filename="my-data-')
    assert done["files_written"] == len(KINDS) + 3 and done["expires_at"]
    # AND it has one JSON file per kind, exactly her items in each
    assert set(kinds) == KINDS
    profile = kinds["profile"][0]
    assert (profile["id"], profile["email"], profile["first_name"]) == (
        ada.user_id,
        ada.email,
        ada.name,
    )
    assert profile["answers"] == {"hometown": f"{ada.marker}answer"}
    assert profile["avatar"].startswith("files/avatar/")
    assert _ids(kinds["ideas"]) == [ada.idea_id]
    assert kinds["ideas"][0]["title"] == {"en": "Idea of ada"}
    assert [i.startswith("files/idea_image/") for i in kinds["ideas"][0]["images"]] == [True]
    assert _ids(kinds["comments"]) == [ada.comment_id]
    assert kinds["comments"][0]["body"] == "Comment of ada"
    assert kinds["comments"][0]["target_id"] == bob.idea_id
    assert _ids(kinds["comment_likes"], "comment_id") == [bob.comment_id]
    assert kinds["reactions"] == [
        {
            "project_id": world.project_id,
            "phase_id": world.phase_id,
            "idea_id": bob.idea_id,
            "reaction": "like",
        }
    ]
    followed = {(f["target_id"], f["following"]) for f in kinds["follows"]}
    assert followed == {(ada.idea_id, True), (bob.idea_id, True)}
    assert {n["type"] for n in kinds["notifications"]} == {
        "comment_on_my_idea",
        "comment_reply",
    } or {n["type"] for n in kinds["notifications"]} == {"comment_on_my_idea"}
    assert all(
        set(n) == {"id", "type", "target_kind", "target_id", "path", "read", "created_at"}
        for n in kinds["notifications"]
    )
    assert kinds["email_preferences"][0]["email_off"] == ["mention"]
    assert _ids(kinds["group_memberships"], "group_id") == [world.group_id]
    assert kinds["participation"][0]["project_ids"] == [world.project_id]
    assert [(r["target_id"], r["reason"]) for r in kinds["reports"]] == [(bob.idea_id, "spam")]
    assert [b["reason"] for b in kinds["blocks"]] == ["Shouting"]
    assert kinds["verification"] == [{"verified": False, "verified_at": None, "method": None}]
    assert [(c["document"], c["version"]) for c in kinds["consents"]] == [("privacy", 1)]
    # AND her three uploads are in files/, byte for byte (variants are left out)
    s3, uploads = runtime.client("s3"), runtime.settings().names.bucket("uploads")
    files = sorted(n for n in archive.namelist() if n.startswith("files/"))
    assert len(files) == 3 == len(kinds["uploads"])
    for key in ada.upload_keys:
        path = "files/" + key.split("/")[1] + "/" + "/".join(key.split("/")[3:])
        assert archive.read(path) == s3.get_object(Bucket=uploads, Key=key)["Body"].read()
    # AND nothing of Bob's: not his name, email, answers, texts or files
    everything = b"".join(archive.read(name) for name in archive.namelist())
    for secret in (bob.marker, "Comment of bob", "Written by bob", "Idea of bob", bob.user_id):
        assert secret.encode() not in everything, secret
    # AND Bob reaches neither the job nor its link
    missing = world.api.get(f"/me/data-exports/{done['id']}", token=bob.token, host=HOST_A)
    assert missing.status_code == 404
    assert ok(world.api.get("/me/data-exports", token=bob.token, host=HOST_A)) == {"items": []}


def test_one_archive_at_a_time(world: World) -> None:
    from chalicelib.privacy import wiring

    wiring.data_exports()._starter.start = lambda name, payload: None  # type: ignore[method-assign]
    ok(world.api.post("/me/data-exports", token=world.ada.token, host=HOST_A), 202)
    again = world.api.post("/me/data-exports", token=world.ada.token, host=HOST_A)
    assert again.status_code == 409 and body_of(again)["code"] == "export_in_progress"


def _everything_stored() -> tuple[str, bytes]:
    """Every item of every table and every object (all versions) of every bucket."""
    dynamodb, s3 = runtime.client("dynamodb"), runtime.client("s3")
    items = []
    for table in dynamodb.list_tables()["TableNames"]:
        for page in dynamodb.get_paginator("scan").paginate(TableName=table):
            items += [json.dumps(item, sort_keys=True) for item in page["Items"]]
    objects = []
    for bucket in s3.list_buckets()["Buckets"]:
        versions = s3.list_object_versions(Bucket=bucket["Name"])
        for version in versions.get("Versions", []):
            body = s3.get_object(
                Bucket=bucket["Name"], Key=version["Key"], VersionId=version["VersionId"]
            )["Body"].read()
            objects.append(version["Key"].encode() + b"\n" + body)
    return "\n".join(items), b"\n".join(objects)


def _delete(world: World, mode: str) -> None:
    """Set the platform's choice, then Ada deletes her account and the workflow erases it."""
    from chalicelib.privacy import wiring as privacy

    admin, ada = world.admin, world.ada
    ok(
        world.api.patch(
            "/platform", {"privacy": {"deleted_content": mode}}, token=admin, host=HOST_A
        )
    )
    # A wrong password is refused, and nothing happens
    wrong = world.api.post(
        "/me/deletion", {"password": "not my password"}, token=ada.token, host=HOST_A
    )
    assert wrong.status_code == 422 and body_of(wrong)["errors"][0]["code"] == "invalid_password"
    assert world.api.get("/me", token=ada.token, host=HOST_A).status_code == 200
    # The right one ends every session at once
    done = world.api.post("/me/deletion", {"password": PASSWORD}, token=ada.token, host=HOST_A)
    assert (done.status_code, body_of(done)) == (202, {"status": "deleting"})
    assert world.api.get("/me", token=ada.token, host=HOST_A).status_code == 401
    signed_in = world.api.post(
        "/auth/sign-in", {"email": ada.email, "password": PASSWORD}, host=HOST_A
    )
    assert signed_in.status_code == 401
    from shared.identity.users import UserRepository

    wait_until(lambda: UserRepository(ALPHA).get(ada.user_id) is None, "the erasure")
    assert privacy.deletions() is not None


def _assert_nothing_of_ada_left(world: World) -> None:
    ada = world.ada
    items, objects = _everything_stored()
    for secret in (ada.marker, ada.email):
        assert secret not in items, f"a table still holds {secret!r}"
        assert secret.encode() not in objects, f"a bucket still holds {secret!r}"


def _assert_counts_agree(world: World, pump: Any) -> None:
    """After the workers ran, counts equal their sources, and reconcile changes nothing."""
    from chalicelib.ideation.worker import counters
    from shared.groups.repository import GroupRepository

    pump.drain()
    bob = world.bob
    idea = ok(world.api.get(f"/ideas/{bob.idea_id}", token=bob.token, host=HOST_A))
    assert idea["likes"] == 0  # Ada's like was withdrawn
    # Bob's comment sits on Ada's idea: kept (anonymised) or gone with it
    kept = world.api.get(f"/ideas/{world.ada.idea_id}/comments", token=bob.token, host=HOST_A)
    if kept.status_code == 200:
        likes = {c["id"]: c["likes"] for c in body_of(kept)["items"]}
        assert likes[bob.comment_id] == 0  # Ada's like was taken back and recounted
    else:
        assert kept.status_code == 404
    assert counters().reconcile_all(ALPHA).changed == 0
    group = GroupRepository(ALPHA).get(world.group_id)
    assert group is not None and int(group.member_count) == 1


def test_deleting_keeps_contributions_anonymised_and_erases_everything_else(
    world: World, pump: Any
) -> None:
    ada, bob = world.ada, world.bob
    _archive(world, ada.token)  # an archive of hers is erased too
    # WHEN Ada deletes her account on a platform that keeps contributions
    _delete(world, "anonymise")
    pump.drain()
    # THEN nothing holds her name, email, answers or files
    _assert_nothing_of_ada_left(world)
    # AND her idea and comment stay, by "Former resident", with no link back
    idea = ok(world.api.get(f"/ideas/{ada.idea_id}", token=bob.token, host=HOST_A))
    assert idea["author"]["display_name"] == "Former resident"
    assert idea["author"]["id"] == "former-resident" and idea["author"]["former"] is True
    assert idea["title"] == {"en": "Idea of ada"} and idea["comments"] == 1
    assert idea["images"] == [] and idea["attachments"] == []
    threads = ok(world.api.get(f"/ideas/{bob.idea_id}/comments", token=bob.token, host=HOST_A))
    kept = next(c for c in threads["items"] if c["id"] == ada.comment_id)
    assert kept["body"] == "Comment of ada" and kept["author"]["id"] == "former-resident"
    assert kept["author"]["former"] is True
    _assert_counts_agree(world, pump)
    # AND the address may sign up again
    again = world.api.post(
        "/auth/sign-up",
        {"email": ada.email, "password": PASSWORD, "first_name": "A", "last_name": "B"},
        host=HOST_A,
    )
    assert again.status_code == 422 or again.status_code == 201
    if again.status_code == 422:  # the platform's privacy policy must be accepted
        assert body_of(again)["errors"][0]["code"] == "policy_not_accepted"


def test_deleting_with_the_delete_setting_removes_contributions(world: World, pump: Any) -> None:
    ada, bob = world.ada, world.bob
    _delete(world, "delete")
    pump.drain()
    _assert_nothing_of_ada_left(world)
    # THEN her idea is gone, her comment emptied in its thread, and counts agree
    assert world.api.get(f"/ideas/{ada.idea_id}", token=bob.token, host=HOST_A).status_code == 404
    threads = ok(world.api.get(f"/ideas/{bob.idea_id}/comments", token=bob.token, host=HOST_A))
    gone = [c for c in threads["items"] if c["id"] == ada.comment_id]
    assert all(c["deleted"] and not c["body"] for c in gone)
    idea = ok(world.api.get(f"/ideas/{bob.idea_id}", token=bob.token, host=HOST_A))
    assert idea["comments"] == 0
    # AND her texts are gone from the contributions' tables, the moderation queue and
    # the notifications that quoted her in Bob's inbox
    dynamodb = runtime.client("dynamodb")
    for logical in ("ideas", "discussion", "moderation", "notifications"):
        table = runtime.settings().names.table(logical)
        stored = json.dumps(dynamodb.scan(TableName=table)["Items"])
        for text in ("Comment of ada", "Written by ada", "Idea of ada"):
            assert text not in stored, (
                logical,
                text,
                stored[stored.find(text) - 600 : stored.find(text) + 50],
            )
    _assert_counts_agree(world, pump)


def test_a_retried_erasure_completes_and_changes_nothing_more(world: World, pump: Any) -> None:
    from chalicelib.privacy import wiring
    from shared.privacy.modes import ErasureMode

    _delete(world, "anonymise")
    pump.drain()
    before = _everything_stored()
    # WHEN the task runs again (a retry after a partial failure)
    result = wiring.eraser().erase(ALPHA, world.ada.user_id, ErasureMode.ANONYMISE)
    pump.drain()
    # THEN it completes and the stored data is the same
    assert "identity" in result["erased"]
    assert _everything_stored() == before


def test_the_eraser_refuses_an_account_that_did_not_ask(world: World) -> None:
    from chalicelib.privacy import wiring
    from shared.privacy.erasure import ErasureRefusedError
    from shared.privacy.modes import ErasureMode

    with pytest.raises(ErasureRefusedError):
        wiring.eraser().erase(ALPHA, world.bob.user_id, ErasureMode.DELETE)


def test_an_account_without_a_password_confirms_by_email(world: World, pump: Any) -> None:
    from chalicelib.identity import wiring
    from shared.identity.users import UserRepository
    from tests.api.identity.helpers import link_in, sent_messages, token_of

    # GIVEN an account made by signing in with an identity provider
    user = wiring.accounts().register_user(
        ALPHA, "sso@example.org", "x" * 40, "Sso", "User", "en", confirmed=True, external=True
    )
    token = wiring.sessions().start(ALPHA, user).access.token
    me = ok(world.api.get("/me", token=token, host=HOST_A))
    assert me["has_password"] is False
    # WHEN they ask to delete it, a link is emailed and nothing is deleted yet
    sent = world.api.post("/me/deletion", {"confirm": True}, token=token, host=HOST_A)
    assert (sent.status_code, body_of(sent)) == (202, {"status": "confirmation_sent"})
    pump.drain()
    (message,) = [m for m in sent_messages() if m["To"] == "sso@example.org"]
    link = link_in(message)
    assert "/delete-account?token=" in link
    assert world.api.get("/me", token=token, host=HOST_A).status_code == 200
    # THEN the link finishes it, once
    done = world.api.post("/auth/account-deletion", {"token": token_of(link)}, host=HOST_A)
    assert (done.status_code, body_of(done)) == (202, {"status": "deleting"})
    wait_until(lambda: UserRepository(ALPHA).get(user.user_id) is None, "the erasure")
    again = world.api.post("/auth/account-deletion", {"token": token_of(link)}, host=HOST_A)
    assert again.status_code == 400


def test_deletion_erases_sessions_tokens_and_identity_claims(world: World, pump: Any) -> None:
    from shared.identity.models import AuthItem
    from shared.verification.models import IdentityClaim
    from shared.verification.repository import VerificationRepository

    ada = world.ada
    # GIVEN Ada's verified identity and a pending password-reset link
    VerificationRepository(ALPHA).claim_identity("code", "ABCD-1234", ada.user_id, datetime_now())
    world.api.post("/auth/password-reset", {"email": ada.email}, host=HOST_A)
    mine = [item for item in AuthItem.scan() if getattr(item, "user_id", None) == ada.user_id]
    assert {type(item).__name__ for item in mine} >= {"RefreshTokenRecord", "RefreshFamilyRecord"}
    # WHEN she deletes her account
    _delete(world, "anonymise")
    # THEN no session, token or identity claim of hers is left, and the identity is free
    assert [i for i in AuthItem.scan() if getattr(i, "user_id", None) == ada.user_id] == []
    claims = [c for c in IdentityClaim.scan() if isinstance(c, IdentityClaim)]
    assert all(c.user_id != ada.user_id for c in claims)
    assert VerificationRepository(ALPHA).identity_owner("code", "ABCD-1234") is None


def datetime_now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)
