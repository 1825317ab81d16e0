"""The archive of a person's data: a zip of one JSON file per kind plus their files.

It is written straight into a binary stream (the exports bucket's multipart
upload): :mod:`zipfile` writes data descriptors when the stream cannot seek,
so the archive never has to fit in memory or on disk, whatever the files
weigh. Every JSON file is a list, sorted as its provider returned it; dates
are ISO 8601 in UTC.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any, BinaryIO

from shared.privacy.providers import Items, PersonalFile

README = """This archive holds the personal data {platform} keeps about your account.

- Each .json file lists one kind of item (your profile, ideas, comments, reactions, ...).
  Dates are in UTC (ISO 8601); ids let you match items between files.
- files/ holds the files you uploaded (your avatar, images and attachments of your ideas).

Only your own data is included: other people's comments, names and files are not.
"""


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def write_archive(
    sink: BinaryIO,
    kinds: dict[str, Items],
    files: Iterable[PersonalFile],
    read: Callable[[str], bytes],
    platform: str,
) -> int:
    """Write the zip into ``sink``; return how many entries (JSON files and files) it holds."""
    entries = 0
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README.format(platform=platform))
        for kind in sorted(kinds):
            text = json.dumps(kinds[kind], default=_default, ensure_ascii=False, indent=2)
            archive.writestr(f"{kind}.json", text)
            entries += 1
        for item in files:
            archive.writestr(item.path, read(item.key))
            entries += 1
    return entries
