"""The one resolver from errors to RFC 9457 problem+json responses."""

from __future__ import annotations

import json
from typing import Any

import pydantic
from chalice.app import Response

from shared.errors import (
    DomainError,
    FieldIssue,
    ProblemDocument,
    RateLimitedError,
)
from shared.observability import logger

PROBLEM_TYPE = "application/problem+json"
Headers = dict[str, str | list[str]]
BASE_HEADERS: Headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}

_PYDANTIC_MESSAGES = {
    "missing": "This field is required.",
    "string_too_short": "This is too short.",
    "string_too_long": "This is too long.",
    "value_error": "This value is not valid.",
    "extra_forbidden": "This field is not allowed.",
    "string_pattern_mismatch": "This value does not have the expected format.",
}


def issues_from_pydantic(error: pydantic.ValidationError, prefix: str = "") -> list[FieldIssue]:
    """Turn pydantic's errors into field issues a person can act on."""
    issues = []
    for item in error.errors(include_url=False):
        path = ".".join(str(part) for part in item["loc"]) or "body"
        message = item.get("msg") or _PYDANTIC_MESSAGES.get(
            item["type"], "This value is not valid."
        )
        if item["type"] == "value_error":
            message = str(item.get("ctx", {}).get("error", message))
        issues.append(FieldIssue(prefix + path, item["type"], message))
    return issues


def problem_response(error: DomainError) -> Response:
    document = ProblemDocument.from_error(error)
    headers: Headers = {**BASE_HEADERS, "Content-Type": PROBLEM_TYPE}
    if isinstance(error, RateLimitedError):
        headers["Retry-After"] = str(error.retry_after_seconds)
    return Response(body=json.dumps(document.to_dict()), status_code=error.status, headers=headers)


def internal_problem() -> Response:
    body: dict[str, Any] = {
        "type": "urn:townhall:problem:internal_error",
        "title": "Something went wrong on our side.",
        "status": 500,
        "detail": "The error has been logged. Please try again in a moment.",
        "code": "internal_error",
    }
    return Response(
        body=json.dumps(body),
        status_code=500,
        headers={**BASE_HEADERS, "Content-Type": PROBLEM_TYPE},
    )


_CHALICE_CODES = {
    "UnsupportedMediaType": (
        "unsupported_media_type",
        "Send the request body as JSON (Content-Type: application/json).",
    ),
    "MethodNotAllowedError": ("method_not_allowed", "This method is not allowed on this address."),
    "NotFoundError": ("not_found", "We could not find what you asked for."),
    "BadRequestError": ("bad_request", "The request could not be read."),
}


def convert_framework_error(response: Response) -> Response:
    """Re-shape Chalice's own error bodies (415, 405, ...) as problem+json."""
    if response.status_code < 400 or not isinstance(response.body, dict | str):
        return response
    body = response.body
    if isinstance(body, str):
        try:
            body = json.loads(body)
        except ValueError:
            return response
    if not isinstance(body, dict) or "Code" not in body:
        return response
    code, title = _CHALICE_CODES.get(body["Code"], ("error", "The request could not be processed."))
    logger.info("framework error", extra={"chalice_code": body["Code"]})
    problem = {
        "type": f"urn:townhall:problem:{code}",
        "title": title,
        "status": response.status_code,
        "detail": title,
        "code": code,
    }
    headers = {**(response.headers or {}), **BASE_HEADERS, "Content-Type": PROBLEM_TYPE}
    return Response(body=json.dumps(problem), status_code=response.status_code, headers=headers)
