"""State machines loaded from ``step_functions/*.asl.json``.

The files keep the loader contract of :mod:`infra.workflows`: file stem =
logical name, ``${Placeholder}`` = a CDK definition substitution. A
placeholder without a value fails synthesis, so a broken definition never
reaches CloudFormation.
"""

from __future__ import annotations

from pathlib import Path

from aws_cdk import aws_kms as kms
from aws_cdk import aws_logs as logs
from aws_cdk import aws_stepfunctions as sfn
from constructs import Construct

from infra.constructs.retention import retention
from infra.workflows import (
    STEP_FUNCTIONS_DIR,
    check_placeholders,
    definition_files,
    placeholders,
    substitutions,
)
from shared.resources import ResourceNames


class Workflows(Construct):
    """One standard state machine per workflow file, logged and traced."""

    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        names: ResourceNames,
        key: kms.IKey,
        log_retention_days: int,
        directory: Path = STEP_FUNCTIONS_DIR,
    ) -> None:
        super().__init__(scope, construct_id)
        values = substitutions(names)
        self.machines: dict[str, sfn.StateMachine] = {}
        for logical, path in definition_files(directory).items():
            definition = path.read_text()
            check_placeholders(logical, definition, values)
            # Each machine gets the values it uses: its template names no other resource.
            own = {k: v for k, v in values.items() if k in placeholders(definition)}
            ident = "".join(part.title() for part in logical.split("_"))
            log_group = logs.LogGroup(
                self,
                f"{ident}Logs",
                log_group_name=f"/aws/vendedlogs/states/{names.state_machine(logical)}",
                retention=retention(log_retention_days),
                encryption_key=key,
            )
            self.machines[logical] = sfn.StateMachine(
                self,
                ident,
                state_machine_name=names.state_machine(logical),
                definition_body=sfn.DefinitionBody.from_string(definition),
                definition_substitutions=own,
                state_machine_type=sfn.StateMachineType.STANDARD,
                tracing_enabled=True,
                logs=sfn.LogOptions(
                    destination=log_group,
                    level=sfn.LogLevel.ALL,
                    # Inputs carry personal data; the execution history keeps them for 90 days.
                    include_execution_data=False,
                ),
            )
