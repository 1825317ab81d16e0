"""Legal pages (privacy policy, terms of use): versions published by admins, accepted by
residents at sign-up and again after each new version."""

from shared.legal.schemas import (
    CurrentPolicies,
    LegalDocument,
    LegalDocumentKind,
    LegalPages,
    LegalPublish,
    LegalVersions,
    PolicyAcceptance,
)
from shared.legal.service import LegalService

__all__ = [
    "CurrentPolicies",
    "LegalDocument",
    "LegalDocumentKind",
    "LegalPages",
    "LegalPublish",
    "LegalService",
    "LegalVersions",
    "PolicyAcceptance",
]
