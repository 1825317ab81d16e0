"""Mentions in comments: ``@[<user_id>]`` tokens in plain text.

The client's mention picker (``GET /mentions``) inserts tokens; the server
keeps them in the body, checks that every newly mentioned person is a user
of this platform and refuses the comment otherwise (a stale or made-up id is
something the writer can fix by picking the person again), so notifications
only ever go to real residents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from shared.errors import FieldIssue, ValidationError

MENTION = re.compile(r"@\[([A-Za-z0-9_-]{1,64})\]")
MAX_MENTIONS = 20


def mentioned_ids(body: str) -> list[str]:
    """The distinct ids mentioned in ``body``, in order of first mention."""
    return list(dict.fromkeys(MENTION.findall(body)))


def check_mentions(ids: list[str], known: Iterable[str], already: Iterable[str] = ()) -> None:
    """Refuse too many mentions, or mentions of ids that are not users (unless kept from before)."""
    if len(ids) > MAX_MENTIONS:
        raise ValidationError(
            issues=[
                FieldIssue(
                    "body",
                    "too_many_mentions",
                    f"Mention at most {MAX_MENTIONS} people in one comment.",
                )
            ]
        )
    allowed = set(known) | set(already)
    if any(i not in allowed for i in ids):
        raise ValidationError(
            issues=[
                FieldIssue(
                    "body",
                    "unknown_mention",
                    "Someone you mentioned is not a member of this platform. "
                    "Pick them again from the suggestions or remove the mention.",
                )
            ]
        )
