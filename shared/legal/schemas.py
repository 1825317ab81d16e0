"""API shapes of the legal pages: a published version, a new one, an acceptance."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from shared.i18n import LocalizedRichText


class LegalDocumentKind(StrEnum):
    PRIVACY = "privacy"
    TERMS = "terms"


class LegalDocument(BaseModel):
    """One published version of a legal page (sanitised HTML per language)."""

    document: LegalDocumentKind
    version: int = Field(ge=1)
    published_at: datetime
    content: dict[str, str]


class LegalVersions(BaseModel):
    """Every published version of the legal pages, newest first per page."""

    items: list[LegalDocument]


class LegalPages(BaseModel):
    """The current version of each legal page (null: not published yet)."""

    privacy: LegalDocument | None = None
    terms: LegalDocument | None = None


class LegalPublish(BaseModel):
    """Publish a new version (it becomes current at once; residents are asked again)."""

    model_config = ConfigDict(extra="forbid")

    document: LegalDocumentKind
    content: LocalizedRichText


class CurrentPolicies(BaseModel):
    """The current version of each document (null: not published yet)."""

    privacy: int | None = None
    terms: int | None = None


class PolicyAcceptance(BaseModel):
    """Accept the given versions of the legal documents (they must be the current ones)."""

    model_config = ConfigDict(extra="forbid")

    privacy: int | None = Field(default=None, ge=1)
    terms: int | None = Field(default=None, ge=1)
