"""Make moto's DynamoDB apply one request at a time, as DynamoDB does per item.

DynamoDB evaluates a condition and writes the item atomically. moto checks
the condition and then writes without a lock, so two threads can both pass
``attribute_not_exists`` and both "win" — which would make every concurrency
test of a conditional write (one account per email, one slug per project)
flaky for reasons that do not exist on AWS. This module is the one shim of
moto internals for that: it wraps moto's DynamoDB request handler in a lock.
It does not make moto's *transactions* realistic under contention beyond
serialising them; tests of transactional paths still prove less than AWS.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

from moto.dynamodb.responses import DynamoHandler

_LOCK = threading.RLock()
_MARK = "_townhall_serialised"


def serialise_dynamodb_requests() -> None:
    """Patch moto (idempotently) so DynamoDB API calls run one at a time."""
    original = DynamoHandler.call_action
    if getattr(original, _MARK, False):
        return

    @functools.wraps(original)
    def call_action(self: DynamoHandler) -> Any:
        with _LOCK:
            return original(self)

    setattr(call_action, _MARK, True)
    DynamoHandler.call_action = call_action  # type: ignore[method-assign]
