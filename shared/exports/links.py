"""Short-lived links to finished export files."""

from __future__ import annotations

from typing import Any

DOWNLOAD_SECONDS = 15 * 60


class ExportFileLinks:
    """Presigned GETs on the ``exports`` bucket (``presign_s3``: the endpoint browsers see)."""

    def __init__(self, s3: Any, bucket: str, presign_s3: Any | None = None) -> None:
        self._presign = presign_s3 or s3
        self.bucket = bucket

    def download_url(self, key: str, filename: str) -> str:
        url: str = self._presign.generate_presigned_url(
            "get_object",
            Params={
                "Bucket": self.bucket,
                "Key": key,
                "ResponseContentDisposition": f'attachment; filename="{filename}"',
            },
            ExpiresIn=DOWNLOAD_SECONDS,
        )
        return url
