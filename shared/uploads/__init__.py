"""Uploads straight to S3 with presigned POSTs that bound size and type."""

from shared.uploads.policies import POLICIES, UploadPolicy, UploadPurpose
from shared.uploads.service import StoredFile, UploadService, UploadTicket

__all__ = [
    "POLICIES",
    "StoredFile",
    "UploadPolicy",
    "UploadPurpose",
    "UploadService",
    "UploadTicket",
]
