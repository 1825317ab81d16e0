"""The registry of personal-data providers: one per domain, found by module name.

Each domain that stores something about a person declares it in
``shared/<domain>/personal_data.py``: a class decorated with
:func:`personal_data_provider` that lists the person's items (one list per
*kind*, each becoming ``<kind>.json`` in the archive), names the files to
copy into the archive, and erases or anonymises everything when the account
goes. :func:`discover` imports every such module, so a new domain plugs in
by adding its module; the export and the erasure never name a domain.

Providers see the person by id only and must return nothing of anyone else:
their own comments but not the thread, a notification's type but not who
acted, the groups they belong to but not the other members.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from shared.events import EventPublisher
from shared.privacy.modes import ErasureMode
from shared.tenancy.context import TenantContext

MODULE = "personal_data"
__all__ = ["ErasureMode"]  # re-exported: providers import it from here


# Erasure order: contributions first (their events still name the author), then what
# belongs to the person, the account itself last (a retried erasure still finds the rest).
CONTRIBUTIONS = 0
BELONGINGS = 1
ACCOUNT = 2


@dataclass(frozen=True)
class PersonalFile:
    """A stored object of the person, copied into the archive under ``path``."""

    key: str
    path: str


class ObjectStore(Protocol):
    """What providers need from a bucket: list, read and erase (every version)."""

    def keys(self, prefix: str) -> Iterator[str]: ...

    def read(self, key: str) -> bytes: ...

    def erase(self, key: str) -> None: ...

    def erase_prefix(self, prefix: str) -> int: ...


@dataclass(frozen=True)
class PrivacyTools:
    """Collaborators every provider may use (built once per process by the functions)."""

    publisher: EventPublisher
    uploads: ObjectStore
    exports: ObjectStore
    clock: Callable[[], datetime]


Items = list[dict[str, Any]]


class PersonalDataProvider(Protocol):
    """How one domain lists and erases what it stores about one person."""

    name: str
    kinds: tuple[str, ...]
    stage: int

    def export(self, tenant: TenantContext, user_id: str) -> dict[str, Items]:
        """The person's items by kind (every kind of ``kinds``, empty lists included)."""
        ...

    def files(self, tenant: TenantContext, user_id: str) -> Iterable[PersonalFile]:
        """Objects of the person to copy into the archive."""
        ...

    def erase(self, tenant: TenantContext, user_id: str, mode: ErasureMode) -> None:
        """Erase (or anonymise, for kept contributions) everything; safe to run again."""
        ...


class ProviderBase:
    """What providers share: the tools they were built with; no files of their own and
    nothing to export unless they say otherwise."""

    kinds: tuple[str, ...] = ()

    def __init__(self, tools: PrivacyTools) -> None:
        self._tools = tools

    def export(self, tenant: TenantContext, user_id: str) -> dict[str, Items]:
        return {}

    def files(self, tenant: TenantContext, user_id: str) -> list[PersonalFile]:
        return []


P = TypeVar("P")
_PROVIDERS: dict[str, Callable[[PrivacyTools], PersonalDataProvider]] = {}


def personal_data_provider(name: str) -> Callable[[type[P]], type[P]]:
    """Class decorator: register a domain's provider (built with :class:`PrivacyTools`)."""

    def register(cls: type[P]) -> type[P]:
        if name in _PROVIDERS and _PROVIDERS[name] is not cls:
            raise ValueError(f"personal-data provider {name!r} is already registered")
        _PROVIDERS[name] = cls  # type: ignore[assignment]
        return cls

    return register


def discover() -> list[str]:
    """Import every ``shared.<domain>.personal_data`` module; return the provider names."""
    import shared

    for package in pkgutil.iter_modules(shared.__path__):
        if package.ispkg and importlib.util.find_spec(f"shared.{package.name}.{MODULE}"):
            importlib.import_module(f"shared.{package.name}.{MODULE}")
    return sorted(_PROVIDERS)


def providers(tools: PrivacyTools) -> list[PersonalDataProvider]:
    """Every registered provider, built, in erasure order (then by name)."""
    discover()
    built = [factory(tools) for _, factory in sorted(_PROVIDERS.items())]
    return sorted(built, key=lambda provider: (provider.stage, provider.name))


def every_kind(built: Iterable[PersonalDataProvider]) -> list[str]:
    """The archive's JSON files (one per kind), each owned by exactly one provider."""
    kinds: list[str] = []
    for provider in built:
        for kind in provider.kinds:
            if kind in kinds:
                raise ValueError(f"kind {kind!r} is declared by two providers")
            kinds.append(kind)
    return sorted(kinds)


def upload_path(key: str) -> str:
    """Where an upload (``<tenant>/<purpose>/<user>/<uuid>/<name>``) sits in the archive:
    ``files/<purpose>/<uuid>/<name>`` (the tenant and the user id add nothing)."""
    parts = key.split("/")
    return "/".join(["files", parts[1], *parts[3:]]) if len(parts) >= 5 else f"files/{key}"
