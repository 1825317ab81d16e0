"""Let moto's Step Functions interpreter invoke Chalice functions in-process.

moto executes a workflow's ASL, but its ``arn:aws:states:::lambda:invoke``
task calls moto's Lambda, which runs code only in Docker. This module is the
one shim of moto internals for that: it replaces
``lambda_eval_utils._invoke_lambda_function`` (the function moto's Lambda
task integration calls with the task's ``Parameters``) by a look-up of the
named function in a registry of in-process handlers. A handler's exception
becomes a Lambda function error (``FunctionError: Unhandled`` with
``errorType``/``errorMessage``), exactly what Step Functions' ``Retry`` and
``Catch`` see on AWS. Functions not registered fall through to moto.
"""

from __future__ import annotations

import json
import threading
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from moto.stepfunctions.parser.asl.component.state.exec.state_task import lambda_eval_utils

Handler = Callable[[dict[str, Any], Any], Any]

_HANDLERS: dict[str, Handler] = {}
_LOCK = threading.Lock()
_ORIGINAL = lambda_eval_utils._invoke_lambda_function
_MARK = "_townhall_in_process"


class _Context:
    """The parts of Lambda's context object the handlers use."""

    def __init__(self, name: str) -> None:
        self.function_name = name
        self.memory_limit_in_mb = 1024
        self.invoked_function_arn = f"arn:aws:lambda:eu-west-1:123456789012:function:{name}"
        self.aws_request_id = "local"

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 900_000


def function_name(reference: str) -> str:
    """A function's name from its name, ARN or partial ARN (any qualifier dropped)."""
    if ":function:" in reference:
        reference = reference.split(":function:", 1)[1]
    elif reference.count(":") == 2:  # <account>:function:<name> without the arn prefix
        reference = reference.rsplit(":", 1)[1]
    return reference.split(":", 1)[0]


def _payload(raw: Any) -> dict[str, Any]:
    if isinstance(raw, bytes | bytearray):
        raw = raw.decode()
    loaded = json.loads(raw) if isinstance(raw, str) and raw else (raw or {})
    return dict(loaded)


def invoke(parameters: dict[str, Any], region: str, state_credentials: Any) -> dict[str, Any]:
    """moto's ``_invoke_lambda_function``, answering from the registry when it can."""
    name = function_name(str(parameters.get("FunctionName", "")))
    with _LOCK:
        handler = _HANDLERS.get(name)
    if handler is None:
        return dict(_ORIGINAL(parameters, region, state_credentials))
    try:
        result = handler(_payload(parameters.get("Payload")), _Context(name))
    except Exception as error:
        return {
            "StatusCode": 200,
            "FunctionError": "Unhandled",
            "ExecutedVersion": "$LATEST",
            "Payload": {
                "errorType": type(error).__name__,
                "errorMessage": str(error),
                "stackTrace": traceback.format_tb(error.__traceback__),
            },
        }
    # Round-trip through JSON, as Lambda would: the state machine sees data, not objects.
    body = json.loads(json.dumps(result, default=str))
    return {"StatusCode": 200, "ExecutedVersion": "$LATEST", "Payload": body}


def install(handlers: dict[str, Handler]) -> None:
    """Register handlers by physical function name and patch moto (idempotently)."""
    with _LOCK:
        _HANDLERS.update(handlers)
    if not getattr(lambda_eval_utils._invoke_lambda_function, _MARK, False):
        setattr(invoke, _MARK, True)
        lambda_eval_utils._invoke_lambda_function = invoke


def uninstall(names: Iterable[str] | None = None) -> None:
    """Forget some handlers (all by default); with none left, moto's own invoke is back."""
    with _LOCK:
        for name in list(_HANDLERS) if names is None else list(names):
            _HANDLERS.pop(name, None)
        empty = not _HANDLERS
    if empty:
        lambda_eval_utils._invoke_lambda_function = _ORIGINAL


def chalice_handlers(app: Any, physical_name: Callable[[str], str]) -> dict[str, Handler]:
    """Every ``lambda_function`` of a Chalice app, by its deployed (physical) name."""
    return {physical_name(f.name): f for f in app.pure_lambda_functions}


__all__ = ["chalice_handlers", "function_name", "install", "invoke", "uninstall"]
