"""Presigned uploads and their confirmation.

Key layout in the uploads bucket: ``<tenant>/<purpose>/<user>/<uuid>/<file name>``.
A client asks for a ticket (size and type are bounded by the POST policy
S3 enforces), uploads directly, then hands the key to the feature that uses
it, which calls :meth:`UploadService.confirm`: the key must be this tenant's,
this user's and this purpose's, and an image must really decode as one.
"""

from __future__ import annotations

import io
import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from PIL import Image, UnidentifiedImageError
from pydantic import BaseModel, Field

from shared.errors import FieldIssue, ForbiddenError, ValidationError
from shared.permissions import Principal
from shared.tenancy.context import TenantContext
from shared.uploads.policies import POLICIES, UploadPurpose

TICKET_SECONDS = 900
DOWNLOAD_SECONDS = 6 * 3600
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class UploadRequest(BaseModel):
    purpose: UploadPurpose
    filename: str = Field(min_length=1, max_length=200)
    content_type: str = Field(min_length=3, max_length=120)
    size: int = Field(gt=0, description="Size of the file in bytes.")


class UploadTicket(BaseModel):
    """Where and how to POST the file (multipart form: ``fields`` then ``file``)."""

    url: str
    fields: dict[str, str]
    key: str
    max_bytes: int
    expires_at: datetime


class StoredFile(BaseModel):
    key: str
    filename: str
    content_type: str
    size: int


def _invalid(field: str, code: str, message: str) -> ValidationError:
    return ValidationError(issues=[FieldIssue(field, code, message)])


class UploadService:
    """Issues upload tickets, confirms uploads, and signs download links."""

    def __init__(self, s3: Any, bucket: str, presign_s3: Any | None = None) -> None:
        self._s3 = s3
        self._presign = presign_s3 or s3
        self._bucket = bucket

    def ticket(
        self, tenant: TenantContext, principal: Principal, request: UploadRequest
    ) -> UploadTicket:
        """A presigned POST for one file, refused early if type or size is out of bounds."""
        if not principal.is_authenticated:
            raise ForbiddenError(code="not_signed_in")
        policy = POLICIES[request.purpose]
        if request.content_type not in policy.content_types:
            raise _invalid(
                "content_type",
                "unsupported_file_type",
                "This type of file cannot be uploaded here. Allowed: "
                + ", ".join(sorted(policy.content_types)),
            )
        if request.size > policy.max_bytes:
            raise _invalid(
                "size",
                "file_too_large",
                f"The file is too large; the limit is {policy.max_bytes // (1024 * 1024)} MB.",
            )
        safe_name = _UNSAFE.sub("-", request.filename).strip("-.")[-120:] or "file"
        owner = principal.user_id
        key = f"{tenant.tenant_id}/{request.purpose}/{owner}/{uuid.uuid4().hex}/{safe_name}"
        post = self._presign.generate_presigned_post(
            Bucket=self._bucket,
            Key=key,
            Fields={"Content-Type": request.content_type},
            Conditions=[
                {"Content-Type": request.content_type},
                ["content-length-range", 1, policy.max_bytes],
            ],
            ExpiresIn=TICKET_SECONDS,
        )
        return UploadTicket(
            url=post["url"],
            fields=post["fields"],
            key=key,
            max_bytes=policy.max_bytes,
            expires_at=datetime.now(UTC) + timedelta(seconds=TICKET_SECONDS),
        )

    def confirm(
        self, tenant: TenantContext, principal: Principal, key: str, purpose: UploadPurpose
    ) -> StoredFile:
        """Check that ``key`` is an upload of this user for ``purpose`` and is what it claims."""
        parts = key.split("/")
        if len(parts) != 5 or parts[0] != tenant.tenant_id or parts[1] != purpose.value:
            raise _invalid("upload_key", "invalid_upload", "This upload does not belong here.")
        if parts[2] != principal.user_id and not principal.is_admin:
            raise _invalid("upload_key", "invalid_upload", "This upload does not belong to you.")
        try:
            head = self._s3.head_object(Bucket=self._bucket, Key=key)
        except self._s3.exceptions.ClientError as error:
            raise _invalid(
                "upload_key", "upload_missing", "The file has not been uploaded yet."
            ) from error
        policy = POLICIES[purpose]
        if (
            head["ContentLength"] > policy.max_bytes
            or head["ContentType"] not in policy.content_types
        ):
            raise _invalid("upload_key", "invalid_upload", "The uploaded file is not allowed here.")
        if policy.image:
            self._check_image(key)
        return StoredFile(
            key=key, filename=parts[4], content_type=head["ContentType"], size=head["ContentLength"]
        )

    def _check_image(self, key: str) -> None:
        body = self._s3.get_object(Bucket=self._bucket, Key=key)["Body"].read()
        try:
            with Image.open(io.BytesIO(body)) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError) as error:
            self._s3.delete_object(Bucket=self._bucket, Key=key)
            raise _invalid(
                "upload_key", "not_an_image", "The file is not a readable image."
            ) from error

    def download_url(self, key: str, filename: str | None = None) -> str:
        """A time-limited link to read an uploaded file."""
        params: dict[str, str] = {"Bucket": self._bucket, "Key": key}
        if filename:
            params["ResponseContentDisposition"] = f'attachment; filename="{filename}"'
        url: str = self._presign.generate_presigned_url(
            "get_object", Params=params, ExpiresIn=DOWNLOAD_SECONDS
        )
        return url

    def delete(self, key: str) -> None:
        self._s3.delete_object(Bucket=self._bucket, Key=key)
