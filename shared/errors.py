"""Domain errors: one hierarchy, mapped to problem+json by one resolver.

Each error carries a stable machine ``code`` and an HTTP ``status``; data
travels as attributes, never inside the message, so the API layer never
matches message text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldIssue:
    """One invalid input field: where it is, a stable code and a readable message."""

    field: str
    code: str
    message: str


class DomainError(Exception):
    """Base of every error a user may see."""

    status: int = 400
    code: str = "bad_request"
    title: str = "The request could not be processed."

    def __init__(
        self,
        detail: str | None = None,
        *,
        code: str | None = None,
        issues: list[FieldIssue] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        if code:
            self.code = code
        self.issues = issues or []
        self.extra = extra or {}


class ValidationError(DomainError):
    status = 422
    code = "validation_failed"
    title = "Some fields need your attention."


class AuthenticationError(DomainError):
    status = 401
    code = "not_authenticated"
    title = "Please sign in to continue."


class ForbiddenError(DomainError):
    status = 403
    code = "forbidden"
    title = "You are not allowed to do this."


class NotFoundError(DomainError):
    status = 404
    code = "not_found"
    title = "We could not find what you asked for."


class ConflictError(DomainError):
    status = 409
    code = "conflict"
    title = "This conflicts with the current state."


class PayloadTooLargeError(DomainError):
    status = 413
    code = "payload_too_large"
    title = "The request body is too large."


class UnsupportedMediaTypeError(DomainError):
    status = 415
    code = "unsupported_media_type"
    title = "Send the request body as JSON (Content-Type: application/json)."


class RateLimitedError(DomainError):
    status = 429
    code = "rate_limited"
    title = "Too many attempts. Please wait and try again."

    def __init__(self, retry_after_seconds: int, detail: str | None = None) -> None:
        super().__init__(detail, extra={"retry_after": retry_after_seconds})
        self.retry_after_seconds = retry_after_seconds


class TenantNotFoundError(DomainError):
    status = 404
    code = "platform_not_found"
    title = "No Townhall platform is configured for this address."


@dataclass
class ProblemDocument:
    """RFC 9457 problem details, as the API renders them."""

    status: int
    code: str
    title: str
    detail: str
    errors: list[FieldIssue] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_error(cls, error: DomainError) -> ProblemDocument:
        return cls(
            status=error.status,
            code=error.code,
            title=error.title,
            detail=error.detail,
            errors=list(error.issues),
            extra=dict(error.extra),
        )

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": f"urn:townhall:problem:{self.code}",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "code": self.code,
        }
        if self.errors:
            body["errors"] = [
                {"field": i.field, "code": i.code, "message": i.message} for i in self.errors
            ]
        body.update(self.extra)
        return body
