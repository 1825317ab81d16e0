"""Idea statuses: platform-configurable (name, colour, description, order).

A platform starts with five statuses, seeded lazily on first read: each is
put with ``attribute_not_exists`` under its code as id, then a marker records
that seeding happened, so concurrent first reads write the same items once
and statuses an admin deleted never come back. A status's id is its code, so
codes are unique by construction (a second create with a code fails its
conditional put).
"""

from __future__ import annotations

from typing import Any

from pynamodb.exceptions import DeleteError, PutError
from pynamodb.transactions import TransactWrite

from shared.db.repository import TenantRepository
from shared.errors import ConflictError, FieldIssue, NotFoundError, ValidationError
from shared.ideation.models import IdeasItem, IdeaStatusRecord, SeedMarker
from shared.ideation.repository import condition_failed, is_ref
from shared.ideation.schemas import (
    IdeaStatus,
    IdeaStatusCreate,
    IdeaStatusList,
    IdeaStatusUpdate,
    StatusOrder,
)
from shared.permissions import Action, Principal, Resource, authorize
from shared.tenancy.context import TenantContext

PREFIX = "STATUS#"
SEEDED = "SEEDED"

DEFAULT_STATUSES: tuple[dict[str, Any], ...] = (
    {
        "code": "proposed",
        "color": "#687782",
        "title": {
            "en": "Proposed",
            "fr": "Proposée",
            "de": "Vorgeschlagen",
            "nl": "Voorgesteld",
            "es": "Propuesta",
            "pl": "Zaproponowany",
        },
        "description": {
            "en": "The idea has been posted and awaits a response.",
            "fr": "L'idée a été publiée et attend une réponse.",
            "de": "Die Idee wurde eingereicht und wartet auf eine Antwort.",
            "nl": "Het idee is ingediend en wacht op een reactie.",
            "es": "La idea se ha publicado y espera una respuesta.",
            "pl": "Pomysł został zgłoszony i czeka na odpowiedź.",
        },
    },
    {
        "code": "under_consideration",
        "color": "#2b6cb0",
        "title": {
            "en": "Under consideration",
            "fr": "À l'étude",
            "de": "In Prüfung",
            "nl": "In behandeling",
            "es": "En estudio",
            "pl": "W trakcie rozpatrywania",
        },
        "description": {
            "en": "The city is looking into this idea.",
            "fr": "La ville examine cette idée.",
            "de": "Die Stadt prüft diese Idee.",
            "nl": "De gemeente bekijkt dit idee.",
            "es": "El ayuntamiento está estudiando esta idea.",
            "pl": "Miasto analizuje ten pomysł.",
        },
    },
    {
        "code": "accepted",
        "color": "#2f855a",
        "title": {
            "en": "Accepted",
            "fr": "Acceptée",
            "de": "Angenommen",
            "nl": "Aangenomen",
            "es": "Aceptada",
            "pl": "Zaakceptowany",
        },
        "description": {
            "en": "The idea has been accepted and will be carried out.",
            "fr": "L'idée a été retenue et sera mise en œuvre.",
            "de": "Die Idee wurde angenommen und wird umgesetzt.",
            "nl": "Het idee is aangenomen en wordt uitgevoerd.",
            "es": "La idea ha sido aceptada y se llevará a cabo.",
            "pl": "Pomysł został przyjęty i zostanie zrealizowany.",
        },
    },
    {
        "code": "implemented",
        "color": "#6b46c1",
        "title": {
            "en": "Implemented",
            "fr": "Réalisée",
            "de": "Umgesetzt",
            "nl": "Uitgevoerd",
            "es": "Realizada",
            "pl": "Zrealizowany",
        },
        "description": {
            "en": "The idea has been carried out.",
            "fr": "L'idée a été réalisée.",
            "de": "Die Idee wurde umgesetzt.",
            "nl": "Het idee is uitgevoerd.",
            "es": "La idea se ha llevado a cabo.",
            "pl": "Pomysł został zrealizowany.",
        },
    },
    {
        "code": "rejected",
        "color": "#c53030",
        "title": {
            "en": "Rejected",
            "fr": "Refusée",
            "de": "Abgelehnt",
            "nl": "Afgewezen",
            "es": "Rechazada",
            "pl": "Odrzucony",
        },
        "description": {
            "en": "The idea will not be carried out.",
            "fr": "L'idée ne sera pas mise en œuvre.",
            "de": "Die Idee wird nicht umgesetzt.",
            "nl": "Het idee wordt niet uitgevoerd.",
            "es": "La idea no se llevará a cabo.",
            "pl": "Pomysł nie zostanie zrealizowany.",
        },
    },
)


class StatusCodeTakenError(ConflictError):
    code = "status_code_taken"
    title = "Another status already uses this code."


class StatusRepository(TenantRepository):
    """Every status of a tenant (and the seed marker) in one partition, ``T#t#IDEA_STATUSES``."""

    @property
    def pk(self) -> str:
        return self.key("IDEA_STATUSES")

    def _partition(self) -> tuple[list[IdeaStatusRecord], bool]:
        records, seeded = [], False
        for item in IdeasItem.query(self.pk, consistent_read=True):
            self.check(item)
            if isinstance(item, IdeaStatusRecord):
                records.append(item)
            elif isinstance(item, SeedMarker):
                seeded = True
        return sorted(records, key=lambda r: (int(r.position), r.status_id)), seeded

    def all(self) -> list[IdeaStatusRecord]:
        """The statuses by position, seeding the defaults on a tenant's first read."""
        records, seeded = self._partition()
        if seeded:
            return records
        for position, default in enumerate(DEFAULT_STATUSES):
            self.put(
                IdeaStatusRecord(
                    self.pk,
                    PREFIX + default["code"],
                    status_id=default["code"],
                    code=default["code"],
                    title=default["title"],
                    description=default["description"],
                    color=default["color"],
                    position=position,
                ),
                new=True,
            )
        SeedMarker(self.pk, SEEDED).save()
        return self._partition()[0]

    def get(self, status_id: str) -> IdeaStatusRecord | None:
        if not is_ref(status_id):
            return None
        return next((r for r in self.all() if r.status_id == status_id), None)

    def put(self, record: IdeaStatusRecord, new: bool) -> bool:
        condition = IdeaStatusRecord.pk.does_not_exist() if new else IdeaStatusRecord.pk.exists()
        try:
            self.check(record).save(condition=condition)
        except PutError as error:
            if condition_failed(error):
                return False
            raise
        return True

    def delete(self, status_id: str) -> bool:
        try:
            IdeaStatusRecord(self.pk, PREFIX + status_id).delete(
                condition=IdeaStatusRecord.pk.exists()
            )
        except DeleteError as error:
            if condition_failed(error):
                return False
            raise
        return True

    def write_positions(self, records: list[IdeaStatusRecord]) -> None:
        """Save re-positioned statuses all together (at most 100 statuses)."""
        with TransactWrite(connection=IdeasItem._get_connection().connection) as tx:
            for record in records:
                tx.save(self.check(record), condition=IdeaStatusRecord.pk.exists())


def status_of(record: IdeaStatusRecord) -> IdeaStatus:
    return IdeaStatus(
        id=record.status_id,
        code=record.code,
        title=record.title,
        description=record.description,
        color=record.color,
        position=int(record.position),
    )


def _manage(principal: Principal, tenant: TenantContext, status_id: str | None = None) -> None:
    authorize(principal, Action.TAXONOMY_MANAGE, Resource(tenant.tenant_id, id=status_id))


class StatusService:
    """Listing is public; every change needs TAXONOMY_MANAGE (admins)."""

    def list(self, tenant: TenantContext) -> IdeaStatusList:
        return IdeaStatusList(items=[status_of(r) for r in StatusRepository(tenant).all()])

    def by_id(self, tenant: TenantContext) -> dict[str, IdeaStatus]:
        return {r.status_id: status_of(r) for r in StatusRepository(tenant).all()}

    def create(
        self, tenant: TenantContext, principal: Principal, body: IdeaStatusCreate
    ) -> IdeaStatus:
        _manage(principal, tenant)
        repo = StatusRepository(tenant)
        existing = repo.all()
        record = IdeaStatusRecord(
            repo.pk,
            PREFIX + body.code,
            status_id=body.code,
            code=body.code,
            title=body.title,
            description=body.description,
            color=body.color.lower(),
            position=max((int(r.position) for r in existing), default=-1) + 1,
        )
        if not repo.put(record, new=True):
            raise StatusCodeTakenError(extra={"code_taken": body.code})
        return status_of(record)

    def update(
        self, tenant: TenantContext, principal: Principal, status_id: str, body: IdeaStatusUpdate
    ) -> IdeaStatus:
        _manage(principal, tenant, status_id)
        repo = StatusRepository(tenant)
        record = repo.get(status_id)
        if record is None:
            raise NotFoundError()
        if body.title is not None:
            record.title = body.title
        if "description" in body.model_fields_set:
            record.description = body.description
        if body.color is not None:
            record.color = body.color.lower()
        if not repo.put(record, new=False):
            raise NotFoundError()
        return status_of(record)

    def delete(self, tenant: TenantContext, principal: Principal, status_id: str) -> None:
        """Delete a status; ideas that had it show no status until they get another."""
        _manage(principal, tenant, status_id)
        repo = StatusRepository(tenant)
        repo.all()  # seed first, so deleting a default is final
        if not is_ref(status_id) or not repo.delete(status_id):
            raise NotFoundError()

    def reorder(
        self, tenant: TenantContext, principal: Principal, body: StatusOrder
    ) -> IdeaStatusList:
        """Set the order of all statuses; ``ids`` must name each status exactly once."""
        _manage(principal, tenant)
        repo = StatusRepository(tenant)
        records = {r.status_id: r for r in repo.all()}
        if sorted(body.ids) != sorted(records):
            raise ValidationError(
                issues=[
                    FieldIssue(
                        "ids",
                        "order_mismatch",
                        "List every status exactly once: " + ", ".join(sorted(records)) + ".",
                    )
                ]
            )
        ordered = []
        for position, status_id in enumerate(body.ids):
            record = records[status_id]
            record.position = position
            ordered.append(record)
        repo.write_positions(ordered)
        return IdeaStatusList(items=[status_of(r) for r in ordered])
