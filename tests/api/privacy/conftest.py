"""A world of two residents who interact, for the person's-own-data tests.

Ada and Bob (real accounts on platform A, each with marker strings in their
names, emails, answers and uploads) post ideas, comment on each other's,
like each other's ideas and comments, follow, get notified, upload files,
belong to a group, report and get blocked. The workflows execute their ASL
on moto with the tasks in-process (as in the exports tests).
"""

from __future__ import annotations

import io
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from moto.core.config import default_user_config
from PIL import Image

from chalicelib import runtime
from shared.permissions import Role, RoleGrant
from shared.tenancy import TenantContext
from tests.conftest import HOST_A, body_of

PASSWORD = "correct horse battery staple"
ALPHA = TenantContext("alpha", HOST_A)


@pytest.fixture(autouse=True)
def executing_workflows(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """State machines created from here on execute their ASL; Lambda tasks run in-process."""
    import app as app_module
    from infra.local import sfn_lambda
    from infra.workflows import function_name

    monkeypatch.setitem(default_user_config, "stepfunctions", {"execute_state_machine": True})
    handlers = sfn_lambda.chalice_handlers(
        app_module.app, lambda name: function_name(runtime.settings().names, name)
    )
    sfn_lambda.install(handlers)
    yield
    sfn_lambda.uninstall(handlers)


def png(marker: str) -> bytes:
    """A real PNG whose bytes carry ``marker`` (in a text chunk)."""
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", marker)
    buffer = io.BytesIO()
    Image.new("RGB", (6, 4), "teal").save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


@dataclass
class Person:
    """One resident of the world and everything they made."""

    marker: str
    email: str
    user_id: str = ""
    token: str = ""
    idea_id: str = ""
    comment_id: str = ""
    upload_keys: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.marker}first"


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.body
    return body_of(response)


class World:
    """Platform A with an open ideation phase, an admin, Ada and Bob."""

    def __init__(self, api: Any) -> None:
        from chalicelib.identity import wiring

        self.api = api
        accounts = wiring.accounts()
        accounts.register_user(
            ALPHA,
            "admin@alpha.example",
            PASSWORD,
            "Alma",
            "Admin",
            "en",
            confirmed=True,
            grants=frozenset({RoleGrant(Role.ADMIN)}),
        )
        self.admin = self.sign_in("admin@alpha.example")
        self.ada = Person("zqadamarker", "ada@zqadamarker.example")
        self.bob = Person("zqbobmarker", "bob@zqbobmarker.example")
        for person in (self.ada, self.bob):
            user = accounts.register_user(
                ALPHA,
                person.email,
                PASSWORD,
                person.name,
                f"{person.marker}last",
                "en",
                confirmed=True,
                profile={"hometown": f"{person.marker}answer"},
            )
            person.user_id = user.user_id
            person.token = self.sign_in(person.email)
        project = ok(
            api.post("/projects", {"title": {"en": "Town park"}}, token=self.admin, host=HOST_A),
            201,
        )
        self.project_id = project["id"]
        phase = {
            "title": {"en": "Ideas"},
            "start_date": "2020-01-01",
            "method": "ideation",
        }
        self.phase_id = ok(
            api.post(f"/projects/{self.project_id}/phases", phase, token=self.admin, host=HOST_A),
            201,
        )["id"]
        ok(api.post(f"/projects/{self.project_id}/publish", token=self.admin, host=HOST_A))

    def sign_in(self, email: str) -> str:
        response = self.api.post(
            "/auth/sign-in", {"email": email, "password": PASSWORD}, host=HOST_A
        )
        return str(ok(response)["access_token"])

    def call(self, method: str, path: str, token: str, body: Any = None, status: int = 200) -> Any:
        return ok(self.api.request(method, path, host=HOST_A, token=token, json_body=body), status)

    def upload(self, person: Person, purpose: str, name: str, data: bytes, kind: str) -> str:
        key = f"alpha/{purpose}/{person.user_id}/{uuid.uuid4().hex}/{name}"
        runtime.client("s3").put_object(
            Bucket=runtime.settings().names.bucket("uploads"), Key=key, Body=data, ContentType=kind
        )
        person.upload_keys.append(key)
        return key

    def build(self, pump: Any) -> None:
        """Every interaction of the story, then the workers (pump) catch up."""
        ada, bob = self.ada, self.bob
        avatar = self.upload(
            ada, "avatar", f"{ada.marker}-avatar.png", png(ada.marker), "image/png"
        )
        self.call("PATCH", "/me", ada.token, {"avatar_upload_key": avatar})
        for person in (ada, bob):
            image = self.upload(
                person, "idea_image", f"{person.marker}-photo.png", png(person.marker), "image/png"
            )
            attachment = self.upload(
                person,
                "idea_attachment",
                f"{person.marker}-notes.txt",
                f"{person.marker} attached notes".encode(),
                "text/plain",
            )
            idea = self.call(
                "POST",
                f"/projects/{self.project_id}/phases/{self.phase_id}/ideas",
                person.token,
                {
                    "title": {"en": f"Idea of {person.marker[2:5]}"},
                    "body": {"en": f"<p>Written by {person.marker[2:5]}</p>"},
                    "image_keys": [image],
                    "attachment_keys": [attachment],
                },
                201,
            )
            person.idea_id = idea["id"]
        # Each comments on the other's idea, and answers the other's comment there.
        for person, other in ((ada, bob), (bob, ada)):
            person.comment_id = self.call(
                "POST",
                f"/ideas/{other.idea_id}/comments",
                person.token,
                {"body": f"Comment of {person.marker[2:5]}"},
                201,
            )["id"]
        for person, other in ((ada, bob), (bob, ada)):
            self.call("PUT", f"/ideas/{other.idea_id}/reaction", person.token, {"kind": "like"})
            self.call("PUT", f"/comments/{other.comment_id}/like", person.token)
        pump.drain()  # auto-follows and notifications
        self.call("PUT", f"/follows/idea/{bob.idea_id}", ada.token)
        prefs = {"email": {"mention": False}}
        self.call("PUT", "/me/notification-preferences", ada.token, prefs)
        report = {"target_kind": "idea", "target_id": bob.idea_id, "reason": "spam"}
        self.call("POST", "/reports", ada.token, report, 201)
        group = self.call("POST", "/groups", self.admin, {"title": {"en": "Park friends"}}, 201)
        self.group_id = group["id"]
        members = {"user_ids": [ada.user_id, bob.user_id]}
        self.call("POST", f"/groups/{self.group_id}/members", self.admin, members)
        policy = {"document": "privacy", "content": {"en": "<p>We keep little.</p>"}}
        self.call("POST", "/legal/versions", self.admin, policy, 201)
        self.call("POST", "/me/policies", ada.token, {"privacy": 1})
        block = {"user_id": ada.user_id, "until": "2030-01-01T00:00:00Z", "reason": "Shouting"}
        self.call("POST", "/moderation/blocks", self.admin, block, 201)
        pump.drain()


@pytest.fixture
def world(api: Any, pump: Any) -> World:
    built = World(api)
    built.build(pump)
    return built


def wait_for(api: Any, token: str, path: str) -> dict[str, Any]:
    """A job once its workflow has ended (bounded polling of moto's interpreter thread)."""
    for _ in range(600):
        job: dict[str, Any] = ok(api.get(path, token=token, host=HOST_A))
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"{path} did not finish")


def wait_until(condition: Any, what: str) -> None:
    for _ in range(600):
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} did not happen")
