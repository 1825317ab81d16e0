"""The discussion services of this process, wired to the target registry and directory.

``targets``, ``directory`` and ``publisher`` are the seams tests replace
(before the first request of a test builds the services).
"""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.identity.wiring import directory
from chalicelib.runtime import publisher
from chalicelib.targets import targets
from shared.discussion import CommentService, OfficialUpdateService
from shared.moderation.profanity_store import platform_screen


@runtime.cached
def comments() -> CommentService:
    return CommentService(
        targets(), directory(), publisher(), screen=platform_screen(runtime.platforms())
    )


@runtime.cached
def official_updates() -> OfficialUpdateService:
    return OfficialUpdateService(targets(), publisher())
