import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, session, unwrap } from "@/lib/api/client";
import type { components } from "@/lib/api/schema";

export type LegalDocumentKind = components["schemas"]["LegalDocumentKind"];
export type LegalDocument = components["schemas"]["LegalDocument"];
export type LegalPages = components["schemas"]["LegalPages"];

export const legalKeys = {
  pages: ["legal", "pages"] as const,
  versions: ["legal", "versions"] as const,
};

/** The current privacy policy and terms (each null until an admin publishes it). */
export function useLegalPages() {
  return useQuery({
    queryKey: legalKeys.pages,
    queryFn: () => unwrap(api.GET("/api/v1/legal")),
    staleTime: 5 * 60_000,
  });
}

/** The current version of each published page: what sign-up and the notice ask to accept. */
export function currentVersions(pages: LegalPages | undefined): Record<string, number> {
  const versions: Record<string, number> = {};
  for (const page of [pages?.privacy, pages?.terms]) {
    if (page) versions[page.document] = page.version;
  }
  return versions;
}

export function useAcceptPolicies() {
  return useMutation({
    mutationFn: async (versions: Record<string, number>) => {
      await unwrap(api.POST("/api/v1/me/policies", { body: versions }));
      const me = await unwrap(api.GET("/api/v1/me"));
      session.updateUser(me);
    },
  });
}

export function useLegalVersions() {
  return useQuery({ queryKey: legalKeys.versions, queryFn: () => unwrap(api.GET("/api/v1/legal/versions")) });
}

export function usePublishLegal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { document: LegalDocumentKind; content: Record<string, string> }) =>
      unwrap(api.POST("/api/v1/legal/versions", { body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["legal"] });
    },
  });
}
