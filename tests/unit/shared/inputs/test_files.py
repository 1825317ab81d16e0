"""Copy keys of copied inputs' files."""

from __future__ import annotations

from unittest.mock import Mock

from shared.inputs.files import S3FileCopier, copy_key


def test_a_copy_key_renews_only_the_random_segment() -> None:
    key = "alpha/idea_image/u1/0123abcd/photo.png"
    copied = copy_key(key)
    parts = copied.split("/")
    assert parts[:3] == ["alpha", "idea_image", "u1"] and parts[4] == "photo.png"
    assert parts[3] != "0123abcd" and len(parts[3]) == 32
    assert copy_key(key) != copied


def test_an_odd_key_keeps_its_prefix() -> None:
    assert copy_key("alpha/x").startswith("alpha/x.")


def test_the_copier_copies_inside_its_bucket() -> None:
    s3 = Mock(spec=["copy_object"])
    target = S3FileCopier(s3, "uploads").copy("alpha/idea_image/u1/r/p.png")
    s3.copy_object.assert_called_once_with(
        Bucket="uploads",
        Key=target,
        CopySource={"Bucket": "uploads", "Key": "alpha/idea_image/u1/r/p.png"},
    )
