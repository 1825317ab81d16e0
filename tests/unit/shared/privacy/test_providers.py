"""The registry of personal-data providers: every domain found, each kind owned once."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from shared.events import RecordingPublisher
from shared.privacy.providers import (
    ACCOUNT,
    PrivacyTools,
    discover,
    every_kind,
    providers,
    upload_path,
)


class _NoObjects:
    def keys(self, prefix: str) -> Any:
        return iter(())

    def read(self, key: str) -> bytes:
        raise AssertionError("nothing to read")

    def erase(self, key: str) -> None:
        return None

    def erase_prefix(self, prefix: str) -> int:
        return 0


TOOLS = PrivacyTools(RecordingPublisher(), _NoObjects(), _NoObjects(), lambda: datetime.now(UTC))


def test_every_domain_with_personal_data_has_a_provider() -> None:
    assert discover() == [
        "discussion",
        "exports",
        "groups",
        "ideation",
        "identity",
        "moderation",
        "notifications",
        "uploads",
        "verification",
    ]


def test_the_account_is_erased_last_and_contributions_first() -> None:
    built = providers(TOOLS)
    stages = [p.stage for p in built]
    assert stages == sorted(stages)
    assert built[-1].name == "identity" and built[-1].stage == ACCOUNT
    assert {p.name for p in built if p.stage == 0} == {"discussion", "ideation", "moderation"}


def test_each_kind_becomes_one_file_owned_by_one_provider() -> None:
    assert every_kind(providers(TOOLS)) == sorted(
        [
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
        ]
    )


def test_a_kind_declared_twice_is_refused() -> None:
    class Twice:
        name, kinds, stage = "twice", ("comments",), 0

    with pytest.raises(ValueError, match="comments"):
        every_kind([*providers(TOOLS), Twice()])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("alpha/avatar/u1/abc/me.png", "files/avatar/abc/me.png"),
        ("alpha/idea_attachment/u1/def/notes.txt", "files/idea_attachment/def/notes.txt"),
    ],
)
def test_an_upload_lands_in_files_without_tenant_or_user(key: str, path: str) -> None:
    assert upload_path(key) == path
