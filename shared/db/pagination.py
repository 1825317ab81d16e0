"""Cursor pagination over DynamoDB queries.

A cursor is the query's ``LastEvaluatedKey``, serialised and signed with the
tenant prefix baked into the check, so a client can neither forge a start key
nor point it into another tenant's partition.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from shared.errors import FieldIssue, ValidationError
from shared.tenancy.context import TenantContext

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class Page(BaseModel, Generic[T]):
    """One page of results and the cursor of the next, if any."""

    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` to fetch the next page; null on the last page."
    )


def encode_cursor(last_evaluated_key: dict[str, Any] | None) -> str | None:
    if not last_evaluated_key:
        return None
    raw = json.dumps(last_evaluated_key, sort_keys=True, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, tenant: TenantContext) -> dict[str, Any] | None:
    """Decode a cursor and check every key value in it belongs to ``tenant``."""
    if not cursor:
        return None
    invalid = ValidationError(
        issues=[FieldIssue("cursor", "invalid_cursor", "This page link is not valid any more.")]
    )
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error) as error:
        raise invalid from error
    if not isinstance(key, dict):
        raise invalid
    for value in key.values():
        text = value.get("S") if isinstance(value, dict) else None
        if text is not None and text.startswith("T#") and not tenant.owns(text):
            raise invalid
    return key
