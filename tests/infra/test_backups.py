"""AWS Backup: daily, kept 35 days, all tables, copied to the partner EU region in production."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.infra.conftest import Synthesis, props, resources

pytestmark = pytest.mark.infra


def test_every_table_is_backed_up_daily_for_35_days(synthesis: Synthesis, stack_set: Any) -> None:
    # GIVEN the data stack
    template = synthesis.template(stack_set.data)

    # WHEN the plan and selection are inspected
    (plan,) = props(template, "AWS::Backup::BackupPlan")
    (rule,) = plan["BackupPlan"]["BackupPlanRule"]
    (selection,) = props(template, "AWS::Backup::BackupSelection")
    tables = resources(template, "AWS::DynamoDB::GlobalTable")

    # THEN the rule runs daily and keeps 35 days, and every table is selected
    assert rule["ScheduleExpression"].startswith("cron(30 2 * * ? *)")
    assert rule["Lifecycle"]["DeleteAfterDays"] == 35
    selected = json.dumps(selection["BackupSelection"]["Resources"])
    assert all(logical in selected for logical in tables)
    vaults = props(template, "AWS::Backup::BackupVault")
    assert all("EncryptionKeyArn" in v for v in vaults)


def test_production_copies_backups_to_the_partner_region(
    synthesis: Synthesis, stack_set: Any
) -> None:
    # GIVEN the data stack and its partner region
    deployment = stack_set.deployment
    (plan,) = props(synthesis.template(stack_set.data), "AWS::Backup::BackupPlan")
    (rule,) = plan["BackupPlan"]["BackupPlanRule"]

    # THEN production copies each backup to the partner's copy vault, staging does not
    if deployment.stage.is_production:
        (copy,) = rule["CopyActions"]
        destination = json.dumps(copy["DestinationBackupVaultArn"])
        assert f":backup:{deployment.backup_partner}:" in destination
        assert f"{deployment.prefix}-copies" in destination
        assert copy["Lifecycle"]["DeleteAfterDays"] == 35
    else:
        assert "CopyActions" not in rule
