"""A platform's profanity filter settings: the switch and the admins' word changes.

Items in table ``moderation`` (one partition per platform, read with one Query):

==================  ====================  ================  =====================
item                pk                    sk                kind
==================  ====================  ================  =====================
filter switch       ``T#t#PROFANITY``     ``SETTINGS``      profanity_settings
words of a locale   ``T#t#PROFANITY``     ``LOCALE#<loc>``  profanity_words
==================  ====================  ================  =====================

``added`` and ``removed`` are string sets of normalised words
(:func:`shared.moderation.profanity.canonical_word`), changed with DynamoDB's
``ADD`` / ``DELETE`` set actions: two admins changing words at once both keep
their changes, no read-modify-write. ``removed`` only ever holds shipped
words (taking out an admin's own word drops it from ``added``). No switch item
means the filter is on.

:class:`ProfanitySettingsService` is the admins' side (``PLATFORM_UPDATE``);
every change is an audit entry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pynamodb.attributes import BooleanAttribute, UnicodeAttribute, UnicodeSetAttribute
from pynamodb.exceptions import PutError

from shared.db.repository import TenantRepository
from shared.errors import FieldIssue, ValidationError
from shared.i18n import SUPPORTED_LOCALES
from shared.moderation.audit import AuditTrail
from shared.moderation.models import ModerationItem
from shared.moderation.profanity import (
    FilterSettings,
    ProfanityScreen,
    builtin_words,
    canonical_word,
)
from shared.permissions import Action, Principal, authorize
from shared.tenancy.context import TenantContext

SETTINGS_SK = "SETTINGS"
MAX_WORDS_PER_CHANGE = 200


def _utcnow() -> datetime:
    return datetime.now(UTC)


class ProfanitySettingsRecord(ModerationItem, discriminator="profanity_settings"):
    """The filter switch: pk ``T#t#PROFANITY``, sk ``SETTINGS``."""

    enabled = BooleanAttribute(default=True)


class ProfanityWordsRecord(ModerationItem, discriminator="profanity_words"):
    """One locale's changes: pk ``T#t#PROFANITY``, sk ``LOCALE#<locale>``."""

    locale = UnicodeAttribute()
    added = UnicodeSetAttribute(null=True)
    removed = UnicodeSetAttribute(null=True)


# ---- API shapes ---------------------------------------------------------------------------

Word = Annotated[str, Field(min_length=1, max_length=60)]


class LocaleWords(BaseModel):
    builtin: int = Field(description="How many words the shipped list of this language has.")
    added: list[str] = Field(description="Words the platform's admins added.")
    removed: list[str] = Field(description="Shipped words the platform's admins took out.")


class ProfanityFilter(BaseModel):
    """The platform's profanity filter."""

    enabled: bool
    locales: dict[str, LocaleWords]


class ProfanitySwitch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool


class ProfanityWordsChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    locale: str = Field(examples=["en"], description="One of the platform's languages.")
    add: list[Word] = Field(default_factory=list, max_length=MAX_WORDS_PER_CHANGE)
    remove: list[Word] = Field(default_factory=list, max_length=MAX_WORDS_PER_CHANGE)

    @field_validator("locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"choose one of: {', '.join(SUPPORTED_LOCALES)}")
        return value

    @model_validator(mode="after")
    def _something_to_do(self) -> ProfanityWordsChange:
        if not self.add and not self.remove:
            raise ValueError("Name at least one word to add or remove.")
        return self


# ---- data access --------------------------------------------------------------------------


class ProfanityStore(TenantRepository):
    """The filter items of one platform."""

    def __init__(self, tenant: TenantContext) -> None:
        super().__init__(tenant)
        self._pk = self.key("PROFANITY")

    def settings(self) -> FilterSettings:
        """Switch and word changes, in one Query of the platform's partition."""
        enabled = True
        added: dict[str, frozenset[str]] = {}
        removed: dict[str, frozenset[str]] = {}
        for item in ModerationItem.query(self._pk, consistent_read=True):
            self.check(item)
            if isinstance(item, ProfanitySettingsRecord):
                enabled = bool(item.enabled)
            elif isinstance(item, ProfanityWordsRecord):
                added[item.locale] = frozenset(item.added or ())
                removed[item.locale] = frozenset(item.removed or ())
        return FilterSettings(enabled=enabled, added=added, removed=removed)

    def set_enabled(self, enabled: bool) -> None:
        ProfanitySettingsRecord(self._pk, SETTINGS_SK, enabled=enabled).save()

    def change_words(
        self,
        locale: str,
        *,
        add: set[str],
        unadd: set[str],
        remove: set[str],
        unremove: set[str],
    ) -> None:
        """Apply set changes to one locale: ``add``/``unadd`` on ``added``, the others on
        ``removed``. DynamoDB refuses ``ADD`` and ``DELETE`` of one attribute in one
        update, so there are at most two updates, each atomic and idempotent."""
        record = ProfanityWordsRecord(self._pk, f"LOCALE#{locale}", locale=locale)
        try:
            record.save(condition=ProfanityWordsRecord.pk.does_not_exist())
        except PutError as error:
            if getattr(error, "cause_response_code", None) != "ConditionalCheckFailedException":
                raise
        first: list[Any] = []
        second: list[Any] = []
        if add:
            first.append(ProfanityWordsRecord.added.add(add))
        if unremove:
            first.append(ProfanityWordsRecord.removed.delete(unremove))
        if unadd:
            second.append(ProfanityWordsRecord.added.delete(unadd))
        if remove:
            second.append(ProfanityWordsRecord.removed.add(remove))
        for actions in (first, second):
            if actions:
                record.update(actions=actions)


# ---- the admins' service ------------------------------------------------------------------


def _view(settings: FilterSettings) -> ProfanityFilter:
    empty: frozenset[str] = frozenset()
    return ProfanityFilter(
        enabled=settings.enabled,
        locales={
            locale: LocaleWords(
                builtin=len(builtin_words(locale)),
                added=sorted(settings.added.get(locale, empty)),
                removed=sorted(settings.removed.get(locale, empty)),
            )
            for locale in SUPPORTED_LOCALES
        },
    )


def _words(values: list[str], where: str, issues: list[FieldIssue]) -> set[str]:
    found = set()
    for position, value in enumerate(values):
        word = canonical_word(value)
        if word is None:
            issues.append(
                FieldIssue(
                    f"{where}.{position}",
                    "not_a_word",
                    "Enter one word of letters only (2 to 40), without spaces, digits or symbols.",
                )
            )
        else:
            found.add(word)
    return found


class ProfanitySettingsService:
    """Read and change a platform's filter (admins), with an audit entry per change."""

    def __init__(self, clock: Callable[[], datetime] = _utcnow) -> None:
        self._clock = clock

    def get(self, tenant: TenantContext, principal: Principal) -> ProfanityFilter:
        authorize(principal, Action.PLATFORM_UPDATE)
        return _view(ProfanityStore(tenant).settings())

    def switch(
        self, tenant: TenantContext, principal: Principal, body: ProfanitySwitch
    ) -> ProfanityFilter:
        """Turn the filter on or off for the whole platform."""
        authorize(principal, Action.PLATFORM_UPDATE)
        assert principal.user_id is not None
        store = ProfanityStore(tenant)
        before = store.settings().enabled
        store.set_enabled(body.enabled)
        if before != body.enabled:
            AuditTrail(tenant, self._clock).record(
                principal.user_id,
                "profanity_filter_on" if body.enabled else "profanity_filter_off",
                details={"enabled": body.enabled},
            )
        return _view(store.settings())

    def change_words(
        self, tenant: TenantContext, principal: Principal, body: ProfanityWordsChange
    ) -> ProfanityFilter:
        """Add words to and remove words from one locale's list.

        Adding a shipped word that was taken out puts it back; removing an added
        word drops it, removing a shipped word takes it out. Removing a word that
        is in neither list is refused, so a typo does not pass silently.
        """
        authorize(principal, Action.PLATFORM_UPDATE)
        assert principal.user_id is not None
        issues: list[FieldIssue] = []
        named: dict[str, list[str]] = {}  # the words each issue is about, by field
        add = _words(body.add, "add", issues)
        remove = _words(body.remove, "remove", issues)
        for word in sorted(add & remove):
            issues.append(
                FieldIssue("remove", "add_and_remove", f'"{word}" cannot be added and removed.')
            )
            named.setdefault("remove", []).append(word)
        store = ProfanityStore(tenant)
        settings = store.settings()
        shipped = builtin_words(body.locale)
        added = settings.added.get(body.locale, frozenset())
        for position, value in enumerate(body.remove):
            known = canonical_word(value)
            if known is not None and known not in shipped and known not in added:
                issues.append(
                    FieldIssue(
                        f"remove.{position}",
                        "unknown_word",
                        f'"{value}" is not in the {body.locale} list.',
                    )
                )
                named[f"remove.{position}"] = [value]
        if issues:
            raise ValidationError(issues=issues, extra={"words": named} if named else None)
        store.change_words(
            body.locale,
            add=add - shipped,
            unremove=add & shipped,
            unadd=remove & added,
            remove=remove & shipped,
        )
        AuditTrail(tenant, self._clock).record(
            principal.user_id,
            "profanity_words",
            details={"locale": body.locale, "added": sorted(add), "removed": sorted(remove)},
        )
        return _view(store.settings())


class StoredFilterSettings:
    """The screen's :class:`~shared.moderation.profanity.FilterSettingsReader`."""

    def load(self, tenant: TenantContext) -> FilterSettings:
        return ProfanityStore(tenant).settings()


class _Platform(Protocol):
    enabled_locales: list[str]


class PlatformDirectory(Protocol):
    """Platforms by tenant (``shared.tenancy.service.PlatformService`` fits)."""

    def get(self, tenant: TenantContext) -> _Platform: ...


def platform_screen(platforms: PlatformDirectory) -> ProfanityScreen:
    """The screen for posting services: stored settings, the platform's enabled locales."""
    return ProfanityScreen(StoredFilterSettings(), lambda t: platforms.get(t).enabled_locales)
