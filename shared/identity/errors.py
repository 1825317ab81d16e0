"""Errors of the identity domain that the core hierarchy has no class for."""

from __future__ import annotations

from shared.errors import DomainError


class InvalidLinkError(DomainError):
    """An emailed token that is unknown, expired or already used (400 ``invalid_token``)."""

    status = 400
    code = "invalid_token"
    title = "This link is not valid any more. Ask for a new one."
