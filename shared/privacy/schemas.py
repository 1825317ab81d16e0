"""API shapes of the person's own data: archives of it, and deleting the account."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from shared.exports.schemas import ExportStatus
from shared.identity.passwords import MAX_LENGTH


class DataExport(BaseModel):
    """One archive of my data and how far it got; ``download_url`` (15 minutes) once done."""

    id: str
    status: ExportStatus
    files_written: int = Field(description="JSON files and uploaded files in the archive.")
    created_at: datetime
    finished_at: datetime | None = None
    download_url: str | None = None
    expires_at: datetime | None = Field(
        default=None, description="When the archive is deleted (7 days after it was written)."
    )
    error: str | None = None


class DataExportList(BaseModel):
    """My most recent archives, newest first."""

    items: list[DataExport]


class AccountDeletionRequest(BaseModel):
    """Delete my account: my password, or (without one) a confirmation."""

    model_config = ConfigDict(extra="forbid")

    password: str | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_LENGTH,
        description="Required when the account has a password (Me.has_password).",
    )
    confirm: bool = Field(
        default=False,
        description="Accounts without a password (signed in with an identity provider) "
        "confirm with true; a link is then emailed to finish.",
    )


class AccountDeletionConfirm(BaseModel):
    """Finish deleting an account without a password, with the emailed token."""

    model_config = ConfigDict(extra="forbid")

    token: str = Field(min_length=20, max_length=200)


class AccountDeletion(BaseModel):
    """What happens next: ``deleting`` (signed out everywhere; erasure under way) or
    ``confirmation_sent`` (follow the emailed link to finish)."""

    status: str = Field(pattern=r"^(deleting|confirmation_sent)$")
