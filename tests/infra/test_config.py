"""Deployments (region x stage) and their settings from CDK context."""

from __future__ import annotations

import pytest

from infra.config import BACKUP_PARTNER, DEFAULT_STAGES, REGIONS, deployments, stage_settings
from infra.workflows import WorkflowDefinitionError, definition_files, render

pytestmark = pytest.mark.infra


def test_by_default_every_eu_region_gets_staging_and_production() -> None:
    # WHEN deployments are derived from an empty context
    found = {(d.stage.name, d.region) for d in deployments({})}

    # THEN both stages exist in both EU regions, each with a backup partner in the EU
    assert found == {(s, r) for s in ("staging", "production") for r in REGIONS}
    assert all(BACKUP_PARTNER[r].startswith("eu-") for r in REGIONS)


def test_production_is_protected_and_staging_is_cheap() -> None:
    production, staging = DEFAULT_STAGES["production"], DEFAULT_STAGES["staging"]
    assert production.deletion_protection and production.copy_backups
    assert not staging.deletion_protection and not staging.copy_backups
    assert production.backup_retention_days == staging.backup_retention_days == 35
    assert production.api.provisioned_concurrency > 0 == staging.api.provisioned_concurrency


def test_context_overrides_are_applied_and_validated() -> None:
    # WHEN an operator sets origins and an alarm address
    settings = stage_settings(
        "staging",
        {
            "townhall:staging:platformOrigins": "https://a.example, https://b.example",
            "townhall:staging:alarmEmail": "o@x",
        },
    )

    # THEN they are used; a plain-HTTP origin or an unknown region is refused
    assert settings.platform_origins == ("https://a.example", "https://b.example")
    assert settings.alarm_email == "o@x"
    with pytest.raises(ValueError, match="https"):
        stage_settings("staging", {"townhall:staging:platformOrigins": "http://a.example"})
    with pytest.raises(ValueError, match="unknown"):
        deployments({"townhall:regions": "us-west-2"})


def test_stack_ids_name_the_stage_region_and_kind() -> None:
    (deployment,) = deployments(
        {"townhall:regions": "eu-central-1", "townhall:stages": "production"}
    )
    assert deployment.stack_id("Api") == "Townhall-Production-Euc1-Api"
    assert deployment.names.table("users") == "townhall-production-users"


def test_the_workflow_loader_refuses_files_that_break_the_contract(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # GIVEN files with a bad name, bad JSON, and no states
    (tmp_path / "Bad-Name.asl.json").write_text('{"StartAt": "A", "States": {}}')
    with pytest.raises(WorkflowDefinitionError, match="snake_case"):
        definition_files(tmp_path)
    (tmp_path / "Bad-Name.asl.json").unlink()
    (tmp_path / "broken.asl.json").write_text("{")
    with pytest.raises(WorkflowDefinitionError, match="JSON"):
        definition_files(tmp_path)
    (tmp_path / "broken.asl.json").write_text('{"Comment": "no states"}')
    with pytest.raises(WorkflowDefinitionError, match="StartAt"):
        definition_files(tmp_path)


def test_render_fills_every_placeholder_or_refuses() -> None:
    assert render("w", '{"Bus": "${EventBusName}"}', {"EventBusName": "b"}) == '{"Bus": "b"}'
    with pytest.raises(WorkflowDefinitionError, match="Missing"):
        render("w", '{"Bus": "${Missing}"}', {"EventBusName": "b"})


def test_a_table_override_repoints_the_functions_but_not_the_data_stack() -> None:
    # GIVEN an operator pointing production eu-west-1 at a restored users table
    import aws_cdk as cdk
    from aws_cdk.assertions import Template

    from infra.stacks.data import DataStack

    context = {
        "townhall:regions": "eu-west-1",
        "townhall:stages": "production",
        "townhall:production:eu-west-1:tableOverrides": '{"users": "townhall-production-users-r1"}',
    }
    (deployment,) = deployments(context)

    # WHEN names are derived and the data stack is built
    data = Template.from_stack(DataStack(cdk.App(), "D", deployment=deployment)).to_json()

    # THEN the functions use the restored table, while the data stack keeps owning the original
    assert deployment.names.table("users") == "townhall-production-users-r1"
    assert deployment.names.table("auth") == "townhall-production-auth"
    tables = {
        r["Properties"]["TableName"]
        for r in data["Resources"].values()
        if r["Type"] == "AWS::DynamoDB::GlobalTable"
    }
    assert "townhall-production-users" in tables
    assert "townhall-production-users-r1" not in tables
    with pytest.raises(ValueError, match="tableOverrides"):
        deployments({**context, "townhall:production:eu-west-1:tableOverrides": '{"users": ""}'})


def test_analytics_origins_are_https_and_enter_the_sites_policy() -> None:
    from infra.stacks.frontend import content_security_policy

    # WHEN an operator allows a self-hosted analytics origin
    settings = stage_settings(
        "production", {"townhall:production:analyticsOrigins": "https://stats.city.example"}
    )
    assert settings.analytics_origins == ("https://stats.city.example",)
    with pytest.raises(ValueError, match="https"):
        stage_settings("production", {"townhall:production:analyticsOrigins": "http://s.example"})
    # THEN scripts, beacons and pixels may come from it, and from nowhere else new
    policy = content_security_policy("https://files.example", settings.analytics_origins)
    directives = {d.split(" ")[0]: d.split(" ")[1:] for d in policy.split("; ")}
    assert directives["script-src"] == ["'self'", "https://stats.city.example"]
    assert "https://stats.city.example" in directives["connect-src"]
    assert "https://stats.city.example" in directives["img-src"]
    # AND without one the policy is as strict as before
    plain = content_security_policy("https://files.example")
    assert "script-src 'self';" in plain and " ;" not in plain
