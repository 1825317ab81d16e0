"""Topics: platform-wide themes (admin-managed) that projects offer on their input form."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from pynamodb.exceptions import DeleteError, PutError

from shared.db.repository import TenantRepository
from shared.errors import NotFoundError
from shared.ideation.models import TopicRecord
from shared.ideation.repository import condition_failed, is_ref
from shared.ideation.schemas import Topic, TopicCreate, TopicList, TopicUpdate
from shared.permissions import Action, Principal, Resource, authorize
from shared.tenancy.context import TenantContext

PREFIX = "TOPIC#"


class TopicRepository(TenantRepository):
    """Every topic of a tenant lives in one partition, ``T#t#TOPICS``."""

    @property
    def pk(self) -> str:
        return self.key("TOPICS")

    def all(self) -> list[TopicRecord]:
        records = [
            self.check(r)
            for r in TopicRecord.query(self.pk, TopicRecord.sk.startswith(PREFIX))
            if isinstance(r, TopicRecord)
        ]
        return sorted(records, key=lambda r: (int(r.position), r.created_at))

    def get(self, topic_id: str) -> TopicRecord | None:
        if not is_ref(topic_id):
            return None
        try:
            return self.check(TopicRecord.get(self.pk, PREFIX + topic_id))
        except TopicRecord.DoesNotExist:
            return None

    def save(self, record: TopicRecord, new: bool) -> bool:
        """Write a topic; an update (``new=False``) never resurrects a deleted one."""
        condition = TopicRecord.pk.does_not_exist() if new else TopicRecord.pk.exists()
        try:
            self.check(record).save(condition=condition)
        except PutError as error:
            if condition_failed(error):
                return False
            raise
        return True

    def delete(self, topic_id: str) -> bool:
        try:
            TopicRecord(self.pk, PREFIX + topic_id).delete(condition=TopicRecord.pk.exists())
        except DeleteError as error:
            if condition_failed(error):
                return False
            raise
        return True


def topic_of(record: TopicRecord) -> Topic:
    return Topic(
        id=record.topic_id,
        title=record.title,
        description=record.description,
        position=int(record.position),
    )


class TopicService:
    """Listing is public; creating, changing and deleting need TAXONOMY_MANAGE (admins)."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock

    def list(self, tenant: TenantContext) -> TopicList:
        return TopicList(items=[topic_of(r) for r in TopicRepository(tenant).all()])

    def known_ids(self, tenant: TenantContext) -> set[str]:
        return {r.topic_id for r in TopicRepository(tenant).all()}

    def create(self, tenant: TenantContext, principal: Principal, body: TopicCreate) -> Topic:
        authorize(principal, Action.TAXONOMY_MANAGE, Resource(tenant.tenant_id))
        repo = TopicRepository(tenant)
        existing = repo.all()
        topic_id = uuid.uuid4().hex
        record = TopicRecord(
            repo.pk,
            PREFIX + topic_id,
            topic_id=topic_id,
            title=body.title,
            description=body.description,
            position=max((int(r.position) for r in existing), default=-1) + 1,
            created_at=self._clock(),
        )
        repo.save(record, new=True)
        return topic_of(record)

    def update(
        self, tenant: TenantContext, principal: Principal, topic_id: str, body: TopicUpdate
    ) -> Topic:
        authorize(principal, Action.TAXONOMY_MANAGE, Resource(tenant.tenant_id, id=topic_id))
        repo = TopicRepository(tenant)
        record = repo.get(topic_id)
        if record is None:
            raise NotFoundError()
        if body.title is not None:
            record.title = body.title
        if "description" in body.model_fields_set:
            record.description = body.description
        if body.position is not None:
            record.position = body.position
        if not repo.save(record, new=False):
            raise NotFoundError()
        return topic_of(record)

    def delete(self, tenant: TenantContext, principal: Principal, topic_id: str) -> None:
        """Delete a topic; ideas keep the id but it no longer shows or filters anything."""
        authorize(principal, Action.TAXONOMY_MANAGE, Resource(tenant.tenant_id, id=topic_id))
        if not is_ref(topic_id) or not TopicRepository(tenant).delete(topic_id):
            raise NotFoundError()
