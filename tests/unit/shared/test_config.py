"""Settings: parsed once from the environment, with guard rails."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared.config import Settings


def test_resource_names_can_be_overridden_one_by_one():
    settings = Settings.from_env(
        {"TOWNHALL_RESOURCE_PREFIX": "th-prod", "TOWNHALL_RESOURCE_TABLE_USERS": "restored-users"}
    )
    assert settings.names.table("users") == "restored-users"
    assert settings.names.table("projects") == "th-prod-projects"


@pytest.mark.parametrize("stage", ["local", "staging", "production"])
def test_fast_password_hashing_is_refused_outside_the_test_stage(stage):
    with pytest.raises(ValidationError, match="test stage only"):
        Settings.from_env({"TOWNHALL_STAGE": stage, "TOWNHALL_PASSWORD_HASHING": "fast"})


def test_the_test_stage_may_hash_fast():
    settings = Settings.from_env({"TOWNHALL_STAGE": "test", "TOWNHALL_PASSWORD_HASHING": "fast"})
    assert settings.password_hashing == "fast"


@pytest.mark.parametrize(
    ("stage", "port", "origin"),
    [
        ("production", "8000", "https://town.example"),
        ("staging", None, "https://town.example"),
        ("local", "8123", "http://town.example:8123"),
        ("test", None, "http://town.example"),
    ],
)
def test_site_links_are_https_on_aws_and_the_runner_port_locally(stage, port, origin):
    env = {"TOWNHALL_STAGE": stage, **({"TOWNHALL_SITE_PORT": port} if port else {})}
    assert Settings.from_env(env).site_origin("town.example") == origin
