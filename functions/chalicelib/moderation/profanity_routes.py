"""The platform's profanity filter: switch it, add and remove words per language (admins)."""

from __future__ import annotations

from chalicelib import runtime
from chalicelib.api import RequestContext, api_route
from chalicelib.moderation.blueprint import bp
from shared.moderation.profanity_store import (
    ProfanityFilter,
    ProfanitySettingsService,
    ProfanitySwitch,
    ProfanityWordsChange,
)

TAGS = ("moderation",)


@runtime.cached
def profanity_settings() -> ProfanitySettingsService:
    return ProfanitySettingsService()


@api_route(
    bp, "/moderation/profanity", response=ProfanityFilter, auth="user", tags=TAGS, errors=(403,)
)
def get_profanity_filter(ctx: RequestContext) -> ProfanityFilter:
    """Whether the filter is on, and each language's shipped, added and removed words."""
    return profanity_settings().get(ctx.tenant, ctx.principal)


@api_route(
    bp,
    "/moderation/profanity",
    "PUT",
    body=ProfanitySwitch,
    response=ProfanityFilter,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def switch_profanity_filter(ctx: RequestContext, body: ProfanitySwitch) -> ProfanityFilter:
    """Turn the profanity filter on or off for the whole platform."""
    return profanity_settings().switch(ctx.tenant, ctx.principal, body)


@api_route(
    bp,
    "/moderation/profanity/words",
    "POST",
    body=ProfanityWordsChange,
    response=ProfanityFilter,
    auth="user",
    tags=TAGS,
    errors=(403,),
)
def change_profanity_words(ctx: RequestContext, body: ProfanityWordsChange) -> ProfanityFilter:
    """Add words to or remove words from one language's list."""
    return profanity_settings().change_words(ctx.tenant, ctx.principal, body)
