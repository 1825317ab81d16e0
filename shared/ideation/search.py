"""The full-text search index of ideas, kept by the ideation worker from the ideas.

``reindex`` recomputes an idea's tokens from the idea as stored now (title
and body in every language, address): new tokens are put, stale ones
deleted, then the manifest records the set. If the idea is gone, its tokens
and manifest are removed. Both are idempotent and order-independent: any
number of deliveries in any order end with the index matching the idea.
"""

from __future__ import annotations

from pynamodb.models import BatchWrite

from shared.db.repository import TenantRepository
from shared.html import html_to_text
from shared.ideation.models import IdeaRecord, SearchManifest, SearchToken
from shared.ideation.repository import IdeaRepository, is_ref
from shared.ideation.text import index_tokens
from shared.tenancy.context import TenantContext

MANIFEST_SK = "SEARCH"
MAX_MATCHES = 2_000


def idea_texts(record: IdeaRecord) -> list[str]:
    """What search reads of an idea: titles, bodies (as text) and the address."""
    texts = [*(record.title or {}).values()]
    texts += [html_to_text(v) for v in (record.body or {}).values()]
    if record.address:
        texts.append(record.address)
    return texts


class SearchRepository(TenantRepository):
    def partition(self, phase_id: str) -> str:
        return self.key("SEARCH", phase_id)

    def manifest(self, idea_id: str) -> SearchManifest | None:
        try:
            return self.check(
                SearchManifest.get(self.key("IDEA", idea_id), MANIFEST_SK, consistent_read=True)
            )
        except SearchManifest.DoesNotExist:
            return None

    def write(
        self, idea_id: str, phase_id: str, add: set[str], drop: set[str], old_phase: str | None
    ) -> None:
        with BatchWrite(SearchToken) as batch:
            for token in sorted(drop):
                batch.delete(
                    SearchToken(self.partition(old_phase or phase_id), f"W#{token}#{idea_id}")
                )
            for token in sorted(add):
                batch.save(
                    SearchToken(self.partition(phase_id), f"W#{token}#{idea_id}", idea_id=idea_id)
                )

    def matching(self, phase_id: str, prefix: str) -> set[str]:
        """Ids of ideas with a word starting with ``prefix`` (capped at MAX_MATCHES)."""
        rows = SearchToken.query(
            self.partition(phase_id), SearchToken.sk.startswith(f"W#{prefix}"), limit=MAX_MATCHES
        )
        return {self.check(r).idea_id for r in rows}


class SearchIndex:
    """Maintains and answers the per-phase word index."""

    def reindex(self, tenant: TenantContext, idea_id: str) -> None:
        """Make the index hold exactly the words of the idea as stored now (or nothing)."""
        repo = SearchRepository(tenant)
        idea = IdeaRepository(tenant).get(idea_id, consistent=True)
        manifest = repo.manifest(idea_id)
        old = set(manifest.tokens or ()) if manifest else set()
        old_phase = manifest.phase_id if manifest else None
        if idea is None:
            if manifest is not None:
                repo.write(idea_id, old_phase or "", set(), old, old_phase)
                manifest.delete()
            return
        new = index_tokens(idea_texts(idea))
        moved = old_phase is not None and old_phase != idea.phase_id
        repo.write(
            idea_id,
            idea.phase_id,
            new if moved else new - old,
            old if moved else old - new,
            old_phase,
        )
        SearchManifest(
            repo.key("IDEA", idea_id),
            MANIFEST_SK,
            idea_id=idea_id,
            phase_id=idea.phase_id,
            tokens=new or None,
        ).save()

    def remove(self, tenant: TenantContext, idea_id: str) -> None:
        """Drop a deleted idea's words; if the idea still exists, its words are kept current."""
        self.reindex(tenant, idea_id)

    def search(self, tenant: TenantContext, phase_id: str, query_words: list[str]) -> set[str]:
        """Ids of the phase's ideas having, for every query word, a word it starts."""
        if not query_words or not is_ref(phase_id):
            return set()
        repo = SearchRepository(tenant)
        found: set[str] | None = None
        for word in query_words:
            ids = repo.matching(phase_id, word)
            found = ids if found is None else found & ids
            if not found:
                return set()
        return found or set()
