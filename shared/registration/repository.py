"""Repository of a platform's registration fields, areas and their order (table ``registration``).

One method per access pattern; every key is built through the tenant
context. The whole setup is one partition, read with one Query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pynamodb.attributes import ListAttribute
from pynamodb.exceptions import DeleteError, PutError

from shared.db.repository import TenantRepository
from shared.registration.models import AreaRecord, FieldRecord, OrderRecord, RegistrationItem

FIELD_PREFIX = "FIELD#"
AREA_PREFIX = "AREA#"
ORDER_SK = "ORDER"


def _condition_failed(error: Exception) -> bool:
    return getattr(error, "cause_response_code", None) == "ConditionalCheckFailedException"


@dataclass
class Setup:
    """Everything stored about a platform's registration, as read in one Query."""

    fields: dict[str, FieldRecord] = field(default_factory=dict)
    areas: dict[str, AreaRecord] = field(default_factory=dict)
    field_order: list[str] = field(default_factory=list)
    area_order: list[str] = field(default_factory=list)


class RegistrationRepository(TenantRepository):
    """Registration fields and areas of one platform."""

    @property
    def pk(self) -> str:
        return self.key("REGISTRATION")

    def setup(self) -> Setup:
        """The platform's field items, area items and order (one Query)."""
        found = Setup()
        for item in RegistrationItem.query(self.pk, consistent_read=True):
            self.check(item)
            if isinstance(item, FieldRecord):
                found.fields[item.field_id] = item
            elif isinstance(item, AreaRecord):
                found.areas[item.area_id] = item
            elif isinstance(item, OrderRecord):
                found.field_order = list(item.field_ids or [])
                found.area_order = list(item.area_ids or [])
        return found

    # ---- fields -----------------------------------------------------------------------

    def new_field(self, field_id: str, created_at: datetime, **values: Any) -> FieldRecord:
        return FieldRecord(
            self.pk,
            f"{FIELD_PREFIX}{field_id}",
            field_id=field_id,
            created_at=created_at,
            updated_at=created_at,
            **values,
        )

    def create_field(self, record: FieldRecord) -> bool:
        """Write a new field item; False when one with its id exists already."""
        self.check(record)
        try:
            record.save(condition=FieldRecord.sk.does_not_exist())
        except PutError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def save_field(self, record: FieldRecord) -> None:
        """Write an admin's change of a field (a built-in's first change creates its item)."""
        self.check(record)
        record.save()

    def delete_field(self, field_id: str) -> bool:
        """Delete a field item; False when there was none."""
        try:
            FieldRecord(self.pk, f"{FIELD_PREFIX}{field_id}").delete(
                condition=FieldRecord.sk.exists()
            )
        except DeleteError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    # ---- areas ------------------------------------------------------------------------

    def new_area(self, area_id: str, name: dict[str, str], created_at: datetime) -> AreaRecord:
        return AreaRecord(
            self.pk,
            f"{AREA_PREFIX}{area_id}",
            area_id=area_id,
            name=name,
            created_at=created_at,
            updated_at=created_at,
        )

    def create_area(self, record: AreaRecord) -> None:
        self.check(record)
        record.save(condition=AreaRecord.sk.does_not_exist())

    def save_area(self, record: AreaRecord) -> bool:
        """Write a renamed area; False when it was deleted meanwhile."""
        self.check(record)
        try:
            record.save(condition=AreaRecord.sk.exists())
        except PutError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    def delete_area(self, area_id: str) -> bool:
        try:
            AreaRecord(self.pk, f"{AREA_PREFIX}{area_id}").delete(condition=AreaRecord.sk.exists())
        except DeleteError as error:
            if _condition_failed(error):
                return False
            raise
        return True

    # ---- order ------------------------------------------------------------------------

    def set_field_order(self, field_ids: list[str], now: datetime) -> None:
        """Store the fields' order (the areas' order is left as it is)."""
        self._set_order(OrderRecord.field_ids, field_ids, now)

    def set_area_order(self, area_ids: list[str], now: datetime) -> None:
        self._set_order(OrderRecord.area_ids, area_ids, now)

    def _set_order(self, attribute: ListAttribute[str], ids: list[str], now: datetime) -> None:
        OrderRecord(self.pk, ORDER_SK).update(
            actions=[
                OrderRecord.kind.set(OrderRecord),
                attribute.set(ids),
                OrderRecord.updated_at.set(now),
            ]
        )
