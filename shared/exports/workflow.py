"""Starting the ``input_export`` workflow (Step Functions), one execution per job."""

from __future__ import annotations

import json
from typing import Any, Protocol

from shared.observability import logger


class WorkflowStarter(Protocol):
    def start(self, execution_name: str, payload: dict[str, Any]) -> None: ...


class StepFunctionsStarter:
    """Starts executions of one state machine, named by its physical name.

    The ARN needs the account, which no setting carries: it is read once from
    STS (``GetCallerIdentity`` needs no permission) and kept for the process.
    """

    def __init__(self, stepfunctions: Any, sts: Any, state_machine: str, region: str) -> None:
        self._sfn, self._sts = stepfunctions, sts
        self._name, self._region = state_machine, region
        self._arn: str | None = None

    @property
    def state_machine_arn(self) -> str:
        if self._arn is None:
            caller = self._sts.get_caller_identity()
            partition = str(caller["Arn"]).split(":")[1]
            self._arn = (
                f"arn:{partition}:states:{self._region}:{caller['Account']}"
                f":stateMachine:{self._name}"
            )
        return self._arn

    def start(self, execution_name: str, payload: dict[str, Any]) -> None:
        started = self._sfn.start_execution(
            stateMachineArn=self.state_machine_arn, name=execution_name, input=json.dumps(payload)
        )
        logger.info("workflow started", extra={"execution": started["executionArn"]})
