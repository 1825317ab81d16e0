"""The notifications table as CDK and the dev runner see it: keys, sparse indexes, TTL."""

from __future__ import annotations

import shared.notifications.models  # noqa: F401 - registers the table model
from shared.db.registry import table_specs


def test_the_table_has_user_partitions_three_indexes_and_expiring_notifications() -> None:
    [spec] = [s for s in table_specs() if s.logical_name == "notifications"]
    assert (spec.hash_key, spec.range_key) == (("pk", "S"), ("sk", "S"))
    indexes = {i.name: (i.hash_key, i.range_key) for i in spec.global_indexes}
    assert indexes == {
        "followers": (("gsi1pk", "S"), ("gsi1sk", "S")),
        "unread": (("gsi2pk", "S"), ("gsi2sk", "S")),
        "by_actor": (("gsi3pk", "S"), ("gsi3sk", "S")),
    }
    assert spec.ttl_attribute == "expires"
