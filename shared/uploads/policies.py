"""What may be uploaded for each purpose: size bound and content types."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MB = 1024 * 1024
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
DOCUMENT_TYPES = frozenset(
    {
        "application/pdf",
        "image/jpeg",
        "image/png",
        "text/plain",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
    }
)


class UploadPurpose(StrEnum):
    AVATAR = "avatar"
    PLATFORM_LOGO = "platform_logo"
    PROJECT_HEADER = "project_header"
    PROJECT_ATTACHMENT = "project_attachment"
    IDEA_IMAGE = "idea_image"
    IDEA_ATTACHMENT = "idea_attachment"


@dataclass(frozen=True)
class UploadPolicy:
    max_bytes: int
    content_types: frozenset[str]
    image: bool


POLICIES: dict[UploadPurpose, UploadPolicy] = {
    UploadPurpose.AVATAR: UploadPolicy(5 * MB, IMAGE_TYPES, image=True),
    UploadPurpose.PLATFORM_LOGO: UploadPolicy(2 * MB, IMAGE_TYPES, image=True),
    UploadPurpose.PROJECT_HEADER: UploadPolicy(10 * MB, IMAGE_TYPES, image=True),
    UploadPurpose.PROJECT_ATTACHMENT: UploadPolicy(25 * MB, DOCUMENT_TYPES, image=False),
    UploadPurpose.IDEA_IMAGE: UploadPolicy(10 * MB, IMAGE_TYPES, image=True),
    UploadPurpose.IDEA_ATTACHMENT: UploadPolicy(25 * MB, DOCUMENT_TYPES, image=False),
}
