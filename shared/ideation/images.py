"""Resized variants of idea images: a card thumbnail and a page-sized medium, as WebP.

The ideation worker calls :meth:`ImageVariants.ensure` for every image of an
idea that has no variants yet. The original (already confirmed by the
uploads service) is read from the uploads bucket, decoded by Pillow within a
pixel budget, turned upright (EXIF orientation), and written as WebP without
any metadata (no EXIF, GPS or ICC profile) next to the original:
``<original key>.w480.webp`` and ``<original key>.w1280.webp``. Variant
keys are deterministic, so a redelivered event rewrites the same objects.
:class:`IdeaImageRepository` then records the keys on the idea.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError
from pynamodb.exceptions import UpdateError

from shared.db.repository import TenantRepository
from shared.errors import ValidationError
from shared.ideation.models import IdeaRecord

THUMBNAIL_PX = 480
MEDIUM_PX = 1280
MAX_PIXELS = 50_000_000  # a 10 MB upload cannot be a decompression bomb beyond this
ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
WEBP_QUALITY = 80
_IDEA_SK = "IDEA"
_ATTEMPTS = 3


class ImageRejectedError(ValidationError):
    code = "not_an_image"
    title = "The file is not an image we can show."


@dataclass(frozen=True)
class VariantKeys:
    thumbnail_key: str
    medium_key: str


def variant_key(key: str, size: int) -> str:
    return f"{key}.w{size}.webp"


def _decode(data: bytes) -> Image.Image:
    """Open and fully check an image; refuse what is not a bounded JPEG, PNG or WebP."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise ImageRejectedError(f"Unsupported image format {probe.format}.")
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageRejectedError("The image has too many pixels.")
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ImageRejectedError() from error
    return image


def resized(image: Image.Image, size: int) -> bytes:
    """``image`` upright, within ``size`` x ``size`` (never enlarged), as metadata-free WebP."""
    upright = ImageOps.exif_transpose(image)
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
    converted = upright.convert("RGBA" if has_alpha else "RGB")
    converted.thumbnail((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    converted.save(out, format="WEBP", quality=WEBP_QUALITY, method=4)
    return out.getvalue()


class ImageVariants:
    """Writes the variants of uploaded images into the uploads bucket."""

    def __init__(self, s3: Any, bucket: str) -> None:
        self._s3 = s3
        self._bucket = bucket

    def ensure(self, key: str) -> VariantKeys:
        """Create (or recreate, identically) both variants of the image at ``key``."""
        data = self._s3.get_object(Bucket=self._bucket, Key=key)["Body"].read()
        image = _decode(data)
        keys = VariantKeys(variant_key(key, THUMBNAIL_PX), variant_key(key, MEDIUM_PX))
        for size, target in ((THUMBNAIL_PX, keys.thumbnail_key), (MEDIUM_PX, keys.medium_key)):
            self._s3.put_object(
                Bucket=self._bucket,
                Key=target,
                Body=resized(image, size),
                ContentType="image/webp",
                CacheControl="public, max-age=31536000, immutable",
            )
        return keys

    def discard(self, keys: VariantKeys) -> None:
        for key in (keys.thumbnail_key, keys.medium_key):
            self._s3.delete_object(Bucket=self._bucket, Key=key)


def missing_variants(images: list[dict[str, Any]]) -> list[str]:
    """Keys of an idea's images that have no variants yet."""
    return [i["key"] for i in images if i.get("key") and not i.get("thumbnail_key")]


class IdeaImageRepository(TenantRepository):
    """Records variant keys on an idea's ``images`` without clobbering a concurrent edit."""

    def record_variants(self, idea_id: str, variants: dict[str, VariantKeys]) -> bool:
        """Add the variant keys to the idea's images that are still there.

        The update is conditional on ``images`` being what was read, so an edit
        that replaced the images in between wins (its own event brings the new
        ones here). Returns False when the idea is gone or no image matched.
        """
        pk = self.key("IDEA", idea_id)
        for _ in range(_ATTEMPTS):
            try:
                record = IdeaRecord.get(pk, _IDEA_SK, consistent_read=True)
            except IdeaRecord.DoesNotExist:
                return False
            self.check(record)
            images = list(record.images or [])
            updated = [
                {
                    **image,
                    "thumbnail_key": variants[image["key"]].thumbnail_key,
                    "medium_key": variants[image["key"]].medium_key,
                }
                if image.get("key") in variants
                else image
                for image in images
            ]
            if updated == images:
                return any(image.get("key") in variants for image in images)
            try:
                record.update(
                    actions=[IdeaRecord.images.set(updated)],
                    condition=IdeaRecord.images == json.loads(json.dumps(images)),
                )
            except UpdateError as error:
                if getattr(error, "cause_response_code", None) != "ConditionalCheckFailedException":
                    raise
                continue
            return True
        return False
