"""Platforms: resolve a request's host to its tenant, read and change settings."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from shared.errors import ConflictError, FieldIssue, TenantNotFoundError, ValidationError
from shared.permissions import Action, Principal, Resource, authorize
from shared.tenancy.context import TenantContext
from shared.tenancy.models import BrandingAttribute, PlatformRecord
from shared.tenancy.schemas import (
    AccessSettings,
    Branding,
    MapView,
    Platform,
    PlatformUpdate,
    PrivacySettings,
)

HOST_CACHE_SECONDS = 30.0


def normalize_host(host: str) -> str:
    """Lower-case host name without port (``Localhost:8000`` -> ``localhost``)."""
    host = host.strip().lower()
    if host.startswith("["):  # IPv6 literal
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if ":" in host else host


def _to_schema(record: PlatformRecord, logo_url: Callable[[str], str]) -> Platform:
    branding = record.branding or BrandingAttribute(
        primary_color="#1b4f8a", secondary_color="#c2410c"
    )
    return Platform(
        id=record.platform_id,
        name=record.name or {},
        hosts=list(record.hosts or []),
        default_locale=record.default_locale or "en",
        enabled_locales=list(record.enabled_locales or ["en"]),
        branding=Branding(
            logo_url=logo_url(branding.logo_key) if branding.logo_key else None,
            primary_color=branding.primary_color,
            secondary_color=branding.secondary_color,
        ),
        map_view=MapView.model_validate(record.map_view) if record.map_view else None,
        feature_flags=dict(record.feature_flags or {}),
        privacy=PrivacySettings.model_validate(record.privacy or {}),
        access=AccessSettings.model_validate(record.access or {}),
        logo_key=branding.logo_key,
    )


class PlatformService:
    """The tenant registry. Host look-ups are cached briefly per process."""

    def __init__(self, logo_url: Callable[[str], str], clock: Callable[[], float] = time.monotonic):
        self._logo_url = logo_url
        self._clock = clock
        self._host_cache: dict[str, tuple[float, str]] = {}
        self._access_cache: dict[str, tuple[float, AccessSettings]] = {}

    def resolve(self, host: str) -> TenantContext:
        """The tenant serving ``host``; unknown hosts raise :class:`TenantNotFoundError`."""
        name = normalize_host(host)
        cached = self._host_cache.get(name)
        if cached and self._clock() - cached[0] < HOST_CACHE_SECONDS:
            return TenantContext(cached[1], name)
        try:
            record = PlatformRecord.get(f"HOST#{name}")
        except PlatformRecord.DoesNotExist as error:
            raise TenantNotFoundError(extra={"host": name}) from error
        self._host_cache[name] = (self._clock(), record.platform_id)
        return TenantContext(record.platform_id, name)

    def _record(self, tenant: TenantContext) -> PlatformRecord:
        try:
            return PlatformRecord.get(f"PLATFORM#{tenant.tenant_id}")
        except PlatformRecord.DoesNotExist as error:
            raise TenantNotFoundError() from error

    def get(self, tenant: TenantContext) -> Platform:
        return _to_schema(self._record(tenant), self._logo_url)

    def access(self, tenant: TenantContext) -> AccessSettings:
        """Who may use the platform; read on every request, so cached briefly per process."""
        cached = self._access_cache.get(tenant.tenant_id)
        if cached and self._clock() - cached[0] < HOST_CACHE_SECONDS:
            return cached[1]
        settings = AccessSettings.model_validate(self._record(tenant).access or {})
        self._access_cache[tenant.tenant_id] = (self._clock(), settings)
        return settings

    def every_tenant(self) -> list[TenantContext]:
        """Every platform, for jobs that go through all of them (nightly reconcile).

        The registry is small (one item per platform and host) and only scheduled
        jobs call this, so a filtered Scan is the honest access pattern here.
        """
        found = PlatformRecord.scan(PlatformRecord.pk.startswith("PLATFORM#"))
        return sorted(
            (TenantContext(r.platform_id, (r.hosts or [""])[0]) for r in found),
            key=lambda tenant: tenant.tenant_id,
        )

    def create(
        self,
        platform_id: str,
        name: dict[str, str],
        hosts: list[str],
        default_locale: str = "en",
        enabled_locales: list[str] | None = None,
        branding: Branding | None = None,
        map_view: MapView | None = None,
    ) -> Platform:
        """Register a new platform and claim its host names (operators and seeding)."""
        now = datetime.now(UTC)
        branding = branding or Branding()
        record = PlatformRecord(
            f"PLATFORM#{platform_id}",
            platform_id=platform_id,
            name=name,
            hosts=[normalize_host(h) for h in hosts],
            default_locale=default_locale,
            enabled_locales=enabled_locales or [default_locale],
            branding=BrandingAttribute(
                primary_color=branding.primary_color, secondary_color=branding.secondary_color
            ),
            feature_flags={},
            map_view=map_view.model_dump() if map_view else None,
            created_at=now,
            updated_at=now,
        )
        record.save(condition=PlatformRecord.pk.does_not_exist())
        for host in record.hosts:
            try:
                PlatformRecord(f"HOST#{host}", platform_id=platform_id, host=host).save(
                    condition=PlatformRecord.pk.does_not_exist()
                )
            except Exception as error:  # a host can serve one platform only
                record.delete()
                raise ConflictError(code="host_taken", extra={"host": host}) from error
        return _to_schema(record, self._logo_url)

    def update(
        self,
        principal: Principal,
        tenant: TenantContext,
        change: PlatformUpdate,
        logo_key: str | None = None,
    ) -> Platform:
        """Apply an admin's settings change; ``logo_key`` is a confirmed logo upload."""
        authorize(principal, Action.PLATFORM_UPDATE, Resource(tenant_id=tenant.tenant_id))
        record = self._record(tenant)
        enabled = change.enabled_locales or list(record.enabled_locales or ["en"])
        default = change.default_locale or record.default_locale or "en"
        if default not in enabled:
            raise ValidationError(
                issues=[
                    FieldIssue(
                        "default_locale",
                        "default_locale_not_enabled",
                        "The default language must be one of the enabled languages.",
                    )
                ]
            )
        record.default_locale, record.enabled_locales = default, enabled
        if change.name is not None:
            record.name = change.name
        if change.feature_flags is not None:
            record.feature_flags = {**(record.feature_flags or {}), **change.feature_flags}
        if change.branding is not None:
            self._apply_branding(record, change, logo_key)
        if change.privacy is not None:
            record.privacy = change.privacy.model_dump(mode="json")
        if change.access is not None:
            record.access = change.access.model_dump(mode="json")
            self._access_cache.pop(tenant.tenant_id, None)
        if "map_view" in change.model_fields_set:
            record.map_view = change.map_view.model_dump() if change.map_view else None
        record.updated_at = datetime.now(UTC)
        record.save()
        return _to_schema(record, self._logo_url)

    @staticmethod
    def _apply_branding(
        record: PlatformRecord, change: PlatformUpdate, logo_key: str | None
    ) -> None:
        assert change.branding is not None
        branding = record.branding or BrandingAttribute(
            primary_color="#1b4f8a", secondary_color="#c2410c"
        )
        if change.branding.primary_color:
            branding.primary_color = change.branding.primary_color
        if change.branding.secondary_color:
            branding.secondary_color = change.branding.secondary_color
        if change.branding.remove_logo:
            branding.logo_key = None
        elif logo_key:
            branding.logo_key = logo_key
        record.branding = branding
