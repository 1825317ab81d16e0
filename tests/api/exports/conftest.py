"""Fixtures for exports: the input manager's world, with workflows really executing.

moto runs the ``input_export`` ASL (``execute_state_machine``, switched on before
the ``aws`` fixture creates the state machines), and its Lambda tasks reach the
app's ``export_worker`` in-process through ``infra.local.sfn_lambda``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from moto.core.config import default_user_config

from tests.api.inputs import conftest as inputs_fixtures
from tests.api.projects import conftest as projects_fixtures
from tests.conftest import HOST_A, body_of

tokens = projects_fixtures.tokens
admin = projects_fixtures.admin
manager = inputs_fixtures.manager
team = inputs_fixtures.team


@pytest.fixture(autouse=True)
def executing_workflows(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """State machines created from here on execute their ASL; Lambda tasks run in-process."""
    import app as app_module
    from chalicelib import runtime
    from infra.local import sfn_lambda
    from infra.workflows import function_name

    monkeypatch.setitem(default_user_config, "stepfunctions", {"execute_state_machine": True})
    handlers = sfn_lambda.chalice_handlers(
        app_module.app, lambda name: function_name(runtime.settings().names, name)
    )
    sfn_lambda.install(handlers)
    yield
    sfn_lambda.uninstall(handlers)


def request_export(api: Any, token: str, body: dict[str, Any], expect: int = 202) -> Any:
    response = api.post("/manage/exports", body, token=token, host=HOST_A)
    assert response.status_code == expect, body_of(response)
    return body_of(response)


def finished(api: Any, token: str, job_id: str) -> dict[str, Any]:
    """The job once its workflow has ended (bounded polling of moto's interpreter thread)."""
    for _ in range(600):
        response = api.get(f"/manage/exports/{job_id}", token=token, host=HOST_A)
        assert response.status_code == 200, body_of(response)
        job: dict[str, Any] = body_of(response)
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"export {job_id} did not finish")
