"""What one exported row holds, and where rows come from.

The writers only know :class:`ExportRow` and :data:`COLUMNS`; the rows
themselves come from a :class:`RowSource` (the input manager's listing in
production, a generator in tests and the benchmark), one at a time, so an
export never holds more than a page of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from shared.exports.schemas import ExportQuery
from shared.permissions import Principal
from shared.tenancy.context import TenantContext


@dataclass(frozen=True)
class ExportRow:
    """One input as a spreadsheet row; texts already in the platform's default language."""

    id: str
    title: str
    project: str
    phase: str
    author: str
    status: str
    topics: str
    assignee: str
    likes: int
    dislikes: int
    comments: int
    reports: int
    hidden: bool
    created_at: datetime
    url: str

    def values(self) -> tuple[str | int | bool | datetime, ...]:
        return (
            self.id,
            self.title,
            self.project,
            self.phase,
            self.author,
            self.status,
            self.topics,
            self.assignee,
            self.likes,
            self.dislikes,
            self.comments,
            self.reports,
            self.hidden,
            self.created_at,
            self.url,
        )


COLUMNS: tuple[str, ...] = (
    "ID",
    "Title",
    "Project",
    "Phase",
    "Author",
    "Status",
    "Topics",
    "Assignee",
    "Likes",
    "Dislikes",
    "Comments",
    "Reports",
    "Hidden",
    "Created at",
    "URL",
)


@dataclass(frozen=True)
class Labels:
    """The header row, the yes/no and the name of a deleted account, in one language."""

    columns: tuple[str, ...]
    yes: str
    no: str
    former: str  # an author or assignee who deleted their account


# One entry per supported locale (shared.i18n.SUPPORTED_LOCALES), columns in COLUMNS' order.
LABELS: dict[str, Labels] = {
    "en": Labels(COLUMNS, "yes", "no", "Former resident"),
    "fr": Labels(
        (
            "ID",
            "Titre",
            "Projet",
            "Phase",
            "Auteur",
            "Statut",
            "Thèmes",
            "Assigné à",
            "J'aime",
            "Je n'aime pas",
            "Commentaires",
            "Signalements",
            "Masqué",
            "Créé le",
            "URL",
        ),
        "oui",
        "non",
        "Ancien habitant",
    ),
    "de": Labels(
        (
            "ID",
            "Titel",
            "Projekt",
            "Phase",
            "Autor",
            "Status",
            "Themen",
            "Zuständig",
            "Gefällt mir",
            "Gefällt mir nicht",
            "Kommentare",
            "Meldungen",
            "Ausgeblendet",
            "Erstellt am",
            "URL",
        ),
        "ja",
        "nein",
        "Ehemaliges Mitglied",
    ),
    "nl": Labels(
        (
            "ID",
            "Titel",
            "Project",
            "Fase",
            "Auteur",
            "Status",
            "Thema's",
            "Toegewezen aan",
            "Vind ik leuk",
            "Vind ik niet leuk",
            "Reacties",
            "Meldingen",
            "Verborgen",
            "Aangemaakt op",
            "URL",
        ),
        "ja",
        "nee",
        "Voormalig inwoner",
    ),
    "es": Labels(
        (
            "ID",
            "Título",
            "Proyecto",
            "Fase",
            "Autor",
            "Estado",
            "Temas",
            "Asignado a",
            "Me gusta",
            "No me gusta",
            "Comentarios",
            "Denuncias",
            "Oculto",
            "Creado el",
            "URL",
        ),
        "sí",
        "no",
        "Antiguo vecino",
    ),
    "pl": Labels(
        (
            "ID",
            "Tytuł",
            "Projekt",
            "Etap",
            "Autor",
            "Status",
            "Tematy",
            "Przypisano do",
            "Polubienia",
            "Niepolubienia",
            "Komentarze",
            "Zgłoszenia",
            "Ukryte",
            "Utworzono",
            "URL",
        ),
        "tak",
        "nie",
        "Były mieszkaniec",
    ),
}


def labels_for(locale: str) -> Labels:
    """The labels of ``locale`` (its language part), English when there are none."""
    return LABELS.get(locale.split("-", 1)[0], LABELS["en"])


class RowSource(Protocol):
    """The rows of one export, as the job's owner may see them."""

    def rows(
        self, tenant: TenantContext, principal: Principal, query: ExportQuery, locale: str
    ) -> Iterable[ExportRow]: ...


# A cell starting with one of these is a formula (or a DDE payload) to a spreadsheet.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """Text a spreadsheet shows as text: formula-like cells get a leading quote (OWASP)."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value
