"""PynamoDB model of the ``legal`` table: published versions of a platform's legal pages.

One item per published version, in the document's partition, so the current
version is one Query read backwards and the history is the whole partition:

=========  ================================  ====================  ==========
item       pk                                sk                    kind
=========  ================================  ====================  ==========
version    ``T#t#LEGAL#<document>``          ``V#<version:06d>``   version
=========  ================================  ====================  ==========

``document`` is ``privacy`` or ``terms``. A version is never changed after it
is published: publishing writes the next number with
``attribute_not_exists(pk)``, so two admins publishing at once cannot both
become version *n*. ``content`` is sanitised rich text per locale.
"""

from __future__ import annotations

from pynamodb.attributes import (
    DiscriminatorAttribute,
    JSONAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.models import Model

from shared.db.registry import table_model


@table_model("legal")
class LegalItem(Model):
    """Base of every item of the ``legal`` table (keys: module docstring)."""

    class Meta:
        table_name = "legal"

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    kind = DiscriminatorAttribute()


class LegalVersionRecord(LegalItem, discriminator="version"):
    """One published version of a legal document."""

    document = UnicodeAttribute()
    version = NumberAttribute()
    content = JSONAttribute()
    published_at = UTCDateTimeAttribute()
    published_by = UnicodeAttribute()
