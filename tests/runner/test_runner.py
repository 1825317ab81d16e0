"""The dev runner end to end: HTTP sign-up, mail, project, restart, everything still there."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from infra.local.demo_content import LINDENFELD
from tests.support.local_stack import ROOT, START_SECONDS, STOP_SECONDS, Runner, start_runner

pytestmark = pytest.mark.runner

TOKEN = re.compile(r"confirm-email\?token=([A-Za-z0-9_-]+)")


@pytest.fixture
def state_dir(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def started(state_dir: Path, tmp_path: Path) -> Iterator[list[Runner]]:
    runners: list[Runner] = []
    yield runners
    for runner in runners:  # never leave a runner behind, even when an assertion failed
        if runner.process.poll() is None:
            runner.process.kill()
            runner.process.wait(timeout=STOP_SECONDS)


def _json(method: str, url: str, body: dict | None = None, token: str | None = None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.request(method, url, json=body, headers=headers, timeout=30)


def _sign_in(base: str, email: str, password: str) -> str:
    response = _json("POST", f"{base}/api/v1/auth/sign-in", {"email": email, "password": password})
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def _confirmation_token(base: str, admin_token: str, email: str) -> str:
    deadline = time.monotonic() + 30  # the event pump delivers the mail request asynchronously
    while time.monotonic() < deadline:
        mails = _json("GET", f"{base}/api/v1/dev/mails", token=admin_token)
        assert mails.status_code == 200, mails.text
        for mail in mails.json()["items"]:
            found = TOKEN.search(mail["text"] or "")
            if email in mail["to"] and found:
                return found.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no confirmation mail for {email}")


def test_sign_up_and_project_survive_a_restart(state_dir, tmp_path, started):
    # GIVEN a freshly seeded runner on free ports
    first = start_runner(state_dir, tmp_path / "first.log")
    started.append(first)
    base, admin = first.base, LINDENFELD.admin
    assert "admin@lindenfeld.example" in first.output()

    # WHEN a resident signs up and confirms through the emailed link
    resident = {
        "email": "new.resident@example.org",
        "password": "a-good-password-1",
        "first_name": "Nora",
        "last_name": "Lind",
        "locale": "en",
    }
    signed_up = _json("POST", f"{base}/api/v1/auth/sign-up", resident)
    assert signed_up.status_code == 201, signed_up.text
    admin_token = _sign_in(base, admin.email, admin.password)
    token = _confirmation_token(base, admin_token, resident["email"])
    confirmed = _json("POST", f"{base}/api/v1/auth/confirm-email", {"token": token})
    assert confirmed.status_code == 200, confirmed.text

    # AND the admin creates a project
    created = _json(
        "POST",
        f"{base}/api/v1/projects",
        {"title": {"en": "Restart-proof project"}},
        token=admin_token,
    )
    assert created.status_code == 201, created.text
    project_id = created.json()["id"]

    # AND the runner is stopped with Ctrl-C
    assert first.stop() == 0, first.output()
    assert "State saved" in first.output()

    # THEN a new runner on the same state directory restores both
    second = start_runner(state_dir, tmp_path / "second.log")
    started.append(second)
    assert "Restored" in second.output()
    _sign_in(second.base, resident["email"], resident["password"])
    admin_token = _sign_in(second.base, admin.email, admin.password)
    project = _json("GET", f"{second.base}/api/v1/projects/{project_id}", token=admin_token)
    assert project.status_code == 200, project.text
    assert project.json()["title"] == {"en": "Restart-proof project"}
    assert second.stop() == 0, second.output()


def _run_to_exit(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "TOWNHALL_"))}
    return subprocess.run(
        [sys.executable, "-m", "infra.local.runner", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=START_SECONDS,
    )


def test_a_taken_port_is_explained_not_a_traceback(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = _run_to_exit("--port", port, "--state-dir", str(tmp_path))
    assert result.returncode == 1
    assert f"Cannot listen on port {port}" in result.stdout
    assert "Traceback" not in result.stderr


def test_an_unreadable_snapshot_stops_the_start_with_advice(tmp_path):
    (tmp_path / "snapshot.json.gz").write_bytes(b"not a snapshot")
    result = _run_to_exit("--port", "0", "--state-dir", str(tmp_path))
    assert result.returncode == 1
    assert "is not a readable snapshot" in result.stdout
