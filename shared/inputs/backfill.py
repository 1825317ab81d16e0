"""Give ideas stored before the input manager (and the author index) existed their index
keys (idempotent).

New ideas get the manager's keys when they are created and recounted; ideas
from an older snapshot or deployment have none and would be missing from the
manager's table until this runs once per platform (it may run any number of
times: it only writes ideas that lack the keys).
"""

from __future__ import annotations

from shared.ideation.counters import ideation_phases
from shared.ideation.models import IdeaRecord
from shared.ideation.repository import IdeaRepository
from shared.identity.directory import FORMER_RESIDENT
from shared.tenancy.context import TenantContext


def anonymous(record: IdeaRecord) -> bool:
    return bool(record.author_id == FORMER_RESIDENT)


def backfill_manager_keys(tenant: TenantContext) -> int:
    """Write the manager's index keys on every idea of the tenant that lacks them."""
    repository = IdeaRepository(tenant)
    written = 0
    for place in ideation_phases(tenant):
        for record in repository.phase_ideas(place.phase_id):
            missing = record.gsi6pk is None or (record.gsi12pk is None and not anonymous(record))
            if missing and repository.write_manager_keys(record):
                written += 1
    return written
