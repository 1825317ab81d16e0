"""Things residents comment on, follow and get notified about: *targets*.

Discussion, follows and notifications work on any target kind (ideas now;
proposals, options and others later) without knowing the domain that owns
it. The owning domain registers a resolver for its kind; the resolver turns
an id into a :class:`TargetInfo` with the facts the permission policy needs
(project, phase, owner) and what a notification shows (title, link path).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from shared.errors import NotFoundError
from shared.permissions import Resource
from shared.tenancy.context import TenantContext


@dataclass(frozen=True)
class TargetInfo:
    """One target as other domains see it.

    ``resource`` carries the policy facts: tenant, the target's id, its
    ``project_id``, ``owner_id`` (the author), publication and ``phase``
    (open, enabled actions). ``path`` is the frontend path of its page,
    e.g. ``/ideas/<id>``; ``title`` is multilingual.
    """

    kind: str
    id: str
    resource: Resource
    title: dict[str, str]
    path: str

    @property
    def owner_id(self) -> str | None:
        return self.resource.owner_id

    @property
    def project_id(self) -> str | None:
        return self.resource.project_id


TargetResolver = Callable[[TenantContext, str], "TargetInfo | None"]


class Targets:
    """Resolvers by target kind; the functions layer registers one per owning domain."""

    def __init__(self) -> None:
        self._resolvers: dict[str, TargetResolver] = {}

    def register(self, kind: str, resolver: TargetResolver) -> None:
        if kind in self._resolvers:
            raise ValueError(f"target kind {kind!r} is already registered")
        self._resolvers[kind] = resolver

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._resolvers))

    def find(self, tenant: TenantContext, kind: str, target_id: str) -> TargetInfo | None:
        resolver = self._resolvers.get(kind)
        return resolver(tenant, target_id) if resolver is not None else None

    def resolve(self, tenant: TenantContext, kind: str, target_id: str) -> TargetInfo:
        """The target, or 404 for an unknown kind or id (the same answer: nothing to see)."""
        found = self.find(tenant, kind, target_id)
        if found is None:
            raise NotFoundError()
        return found
