"""Idea image variants: upright, bounded, metadata-free WebP next to the original."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from PIL import Image

from shared.ideation.images import (
    MEDIUM_PX,
    THUMBNAIL_PX,
    IdeaImageRepository,
    ImageRejectedError,
    ImageVariants,
    VariantKeys,
    missing_variants,
)
from shared.ideation.models import IdeaRecord
from shared.ideation.repository import IdeaRepository
from tests.unit.shared.ideation.reaction_fakes import ALPHA, BETA

EXIF_ORIENTATION = 0x0112


def _bucket():
    from chalicelib import runtime

    return runtime.client("s3"), runtime.settings().names.bucket("uploads")


def _put(key: str, body: bytes, content_type: str = "image/png") -> None:
    s3, bucket = _bucket()
    s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType=content_type)


def _read(key: str) -> Image.Image:
    s3, bucket = _bucket()
    image = Image.open(io.BytesIO(s3.get_object(Bucket=bucket, Key=key)["Body"].read()))
    image.load()
    return image


def _jpeg_rotated(width: int, height: int) -> bytes:
    """A JPEG stored sideways with EXIF orientation 6 (display rotated 90° clockwise)."""
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = 6
    exif[0x010F] = "Camera maker"  # Make: metadata that must not survive
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "orange").save(buffer, format="JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def test_a_big_png_becomes_a_thumbnail_and_a_medium(aws):
    # GIVEN a 3000x2000 PNG upload
    buffer = io.BytesIO()
    Image.new("RGB", (3000, 2000), "teal").save(buffer, format="PNG")
    key = "alpha/idea_image/u1/abc/park.png"
    _put(key, buffer.getvalue())
    # WHEN its variants are made
    keys = ImageVariants(*_bucket()).ensure(key)
    # THEN both are WebP next to the original, bounded by their size, proportions kept
    assert keys == VariantKeys(f"{key}.w480.webp", f"{key}.w1280.webp")
    thumbnail, medium = _read(keys.thumbnail_key), _read(keys.medium_key)
    assert (thumbnail.format, thumbnail.size) == ("WEBP", (THUMBNAIL_PX, 320))
    assert (medium.format, medium.size) == ("WEBP", (MEDIUM_PX, 853))


def test_orientation_is_applied_and_metadata_stripped(aws):
    key = "alpha/idea_image/u1/def/photo.jpg"
    _put(key, _jpeg_rotated(2000, 1000), "image/jpeg")
    keys = ImageVariants(*_bucket()).ensure(key)
    medium = _read(keys.medium_key)
    # stored landscape with "rotate 90°": shown portrait
    assert medium.size == (640, MEDIUM_PX)
    assert not medium.getexif() and "icc_profile" not in medium.info


def test_a_small_image_is_not_enlarged_and_transparency_is_kept(aws):
    buffer = io.BytesIO()
    Image.new("RGBA", (200, 100), (0, 0, 0, 0)).save(buffer, format="PNG")
    key = "alpha/idea_image/u1/ghi/icon.png"
    _put(key, buffer.getvalue())
    keys = ImageVariants(*_bucket()).ensure(key)
    thumbnail = _read(keys.thumbnail_key)
    assert thumbnail.size == (200, 100) and thumbnail.mode == "RGBA"


@pytest.mark.parametrize(
    "body",
    [b"%PDF-1.4 not an image at all", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64],
    ids=["pdf", "truncated-png"],
)
def test_a_non_image_is_refused_and_nothing_is_written(aws, body):
    key = "alpha/idea_image/u1/jkl/fake.png"
    _put(key, body)
    with pytest.raises(ImageRejectedError) as raised:
        ImageVariants(*_bucket()).ensure(key)
    assert raised.value.code == "not_an_image"
    s3, bucket = _bucket()
    listed = s3.list_objects_v2(Bucket=bucket, Prefix="alpha/idea_image/u1/jkl/")
    assert [o["Key"] for o in listed["Contents"]] == [key]


def test_missing_variants_lists_images_without_a_thumbnail():
    images = [{"key": "a"}, {"key": "b", "thumbnail_key": "b.w480.webp"}, {"key": "c"}]
    assert missing_variants(images) == ["a", "c"]


def _idea(images: list[dict[str, str]], tenant=ALPHA) -> None:
    repository = IdeaRepository(tenant)
    now = datetime.now(UTC)
    repository.create(
        IdeaRecord(
            repository.idea_pk("i1"),
            "IDEA",
            idea_id="i1",
            project_id="p1",
            phase_id="ph1",
            author_id="u1",
            title={"en": "Trees"},
            images=images,
            created_at=now,
            updated_at=now,
        )
    )


def test_variant_keys_are_recorded_on_the_images_still_there(aws):
    _idea([{"key": "k1"}, {"key": "k2"}])
    variants = {
        "k1": VariantKeys("k1.w480.webp", "k1.w1280.webp"),
        "gone": VariantKeys("gone.w480.webp", "gone.w1280.webp"),
    }
    assert IdeaImageRepository(ALPHA).record_variants("i1", variants) is True
    record = IdeaRepository(ALPHA).get("i1", consistent=True)
    assert record is not None
    assert record.images == [
        {"key": "k1", "thumbnail_key": "k1.w480.webp", "medium_key": "k1.w1280.webp"},
        {"key": "k2"},
    ]
    # recording again is a no-op that still reports the image as recorded
    assert IdeaImageRepository(ALPHA).record_variants("i1", variants) is True
    # nothing of another platform, nor of a missing idea, is touched
    assert IdeaImageRepository(BETA).record_variants("i1", variants) is False
    assert IdeaImageRepository(ALPHA).record_variants("none", variants) is False
