"""Targets: resolvers by kind, 404 for anything unknown."""

from __future__ import annotations

import pytest

from shared.errors import NotFoundError
from shared.participation.targets import TargetInfo, Targets
from shared.permissions import Resource
from shared.tenancy.context import TenantContext

A = TenantContext("alpha", host="alpha.test")


def _idea(tenant: TenantContext, target_id: str) -> TargetInfo | None:
    if target_id != "i1":
        return None
    resource = Resource(tenant.tenant_id, id="i1", project_id="p1", owner_id="u1")
    return TargetInfo("idea", "i1", resource, {"en": "Benches"}, "/ideas/i1")


def test_a_registered_kind_resolves_and_unknowns_are_not_found() -> None:
    targets = Targets()
    targets.register("idea", _idea)
    found = targets.resolve(A, "idea", "i1")
    assert (found.owner_id, found.project_id, found.path) == ("u1", "p1", "/ideas/i1")
    assert list(targets) == ["idea"]
    for kind, target_id in (("idea", "nope"), ("proposal", "i1")):
        assert targets.find(A, kind, target_id) is None
        with pytest.raises(NotFoundError):
            targets.resolve(A, kind, target_id)


def test_a_kind_is_registered_once() -> None:
    targets = Targets()
    targets.register("idea", _idea)
    with pytest.raises(ValueError, match="already registered"):
        targets.register("idea", _idea)
