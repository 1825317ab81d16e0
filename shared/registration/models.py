"""PynamoDB models of the ``registration`` table: a platform's registration fields and areas.

One partition per platform holds the whole setup, so the sign-up form, the
profile and every permission check that asks for fields read it with one
Query; every key starts with ``T#<tenant>#``:

===========  ===========================  ==================  =======
item         pk                           sk                  kind
===========  ===========================  ==================  =======
field        ``T#t#REGISTRATION``         ``FIELD#<id>``      field
area         ``T#t#REGISTRATION``         ``AREA#<id>``       area
order        ``T#t#REGISTRATION``         ``ORDER``           order
===========  ===========================  ==================  =======

- A custom field item holds its whole definition (``definition``: type,
  label, help, options, scale). A built-in field (gender, birthyear, area,
  education) exists without an item, switched off; its item, written when an
  admin changes it, holds only the admin's settings (``definition`` null).
- The order item lists field ids and area ids in the admins' order. It is
  read leniently: ids of deleted items are skipped and items it does not
  name follow in creation order, so adding a field never has to touch it
  and two admins adding fields at once both keep theirs.
- No version attribute: edits are rare and admin-only; the last one wins.
"""

from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    DiscriminatorAttribute,
    JSONAttribute,
    ListAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.models import Model

from shared.db.registry import table_model


@table_model("registration")
class RegistrationItem(Model):
    """Base of every item in the ``registration`` table (keys in the module docstring)."""

    class Meta:
        table_name = "registration"

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    kind = DiscriminatorAttribute()


class FieldRecord(RegistrationItem, discriminator="field"):
    """A registration field: the admin's settings, and a custom field's definition."""

    field_id = UnicodeAttribute()
    builtin = BooleanAttribute(default=False)
    enabled = BooleanAttribute(default=True)
    required = BooleanAttribute(default=False)
    definition = JSONAttribute(null=True)
    purpose = JSONAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()


class AreaRecord(RegistrationItem, discriminator="area"):
    """An area of the platform (a district, a neighbourhood) residents say they live in."""

    area_id = UnicodeAttribute()
    name = JSONAttribute()
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()


class OrderRecord(RegistrationItem, discriminator="order"):
    """The admins' order of fields and of areas."""

    field_ids = ListAttribute[str](default=list)
    area_ids = ListAttribute[str](default=list)
    updated_at = UTCDateTimeAttribute(null=True)
