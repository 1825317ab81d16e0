"""PynamoDB model of the tenant registry (table ``platforms``).

Key layout (hash key only, the registry is global, not tenant-scoped):
- ``PLATFORM#<platform_id>`` — the platform itself (name, locales, branding, flags,
  privacy settings).
- ``HOST#<host name>`` — a host name and the platform it serves (``platform_id``).
"""

from __future__ import annotations

from pynamodb.attributes import (
    JSONAttribute,
    ListAttribute,
    MapAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.models import Model

from shared.db.registry import table_model


class BrandingAttribute(MapAttribute[str, str]):
    logo_key = UnicodeAttribute(null=True)
    primary_color = UnicodeAttribute()
    secondary_color = UnicodeAttribute()


@table_model("platforms")
class PlatformRecord(Model):
    """A platform or one of its host names (see module docstring for keys)."""

    class Meta:
        table_name = "platforms"

    pk = UnicodeAttribute(hash_key=True)
    platform_id = UnicodeAttribute()
    host = UnicodeAttribute(null=True)
    name = JSONAttribute(null=True)
    hosts = ListAttribute[str](null=True)
    default_locale = UnicodeAttribute(null=True)
    enabled_locales = ListAttribute[str](null=True)
    branding = BrandingAttribute(null=True)
    feature_flags = JSONAttribute(null=True)
    map_view = JSONAttribute(null=True)
    access = JSONAttribute(null=True)  # AccessSettings: who may visit the platform, follow
    privacy = JSONAttribute(null=True)  # PrivacySettings: deleted accounts' content, analytics
    created_at = UTCDateTimeAttribute(null=True)
    updated_at = UTCDateTimeAttribute(null=True)
