/** Where an idea form keeps its draft: per phase for a new idea, per idea for an edit. */
export type DraftScope = { phaseId: string } | { ideaId: string };

export interface Draft<T> {
  savedAt: string;
  values: T;
}

const PREFIX = "townhall.ideas.draft.";

export function draftKey(scope: DraftScope): string {
  return "phaseId" in scope ? `${PREFIX}phase.${scope.phaseId}` : `${PREFIX}idea.${scope.ideaId}`;
}

export function loadDraft<T>(scope: DraftScope, storage: Storage = window.localStorage): Draft<T> | null {
  const raw = storage.getItem(draftKey(scope));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Draft<T>;
    return parsed && typeof parsed.savedAt === "string" && parsed.values ? parsed : null;
  } catch {
    return null;
  }
}

export function saveDraft<T>(scope: DraftScope, values: T, storage: Storage = window.localStorage): void {
  try {
    storage.setItem(draftKey(scope), JSON.stringify({ savedAt: new Date().toISOString(), values }));
  } catch {
    // Storage full or refused (private mode): the form still works, only without a draft.
  }
}

export function clearDraft(scope: DraftScope, storage: Storage = window.localStorage): void {
  storage.removeItem(draftKey(scope));
}
