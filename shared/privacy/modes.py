"""What happens to a deleted account's public contributions: a platform setting."""

from __future__ import annotations

from enum import StrEnum


class ErasureMode(StrEnum):
    ANONYMISE = "anonymise"  # kept, shown as "Former resident", with no link back
    DELETE = "delete"
