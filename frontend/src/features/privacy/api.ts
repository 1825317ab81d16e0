import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, session, unwrap } from "@/lib/api/client";
import type { components } from "@/lib/api/schema";

export type DataExport = components["schemas"]["DataExport"];
export type AccountDeletion = components["schemas"]["AccountDeletion"];

export const EXPORT_POLL_MS = 2000;
export const privacyKeys = { exports: ["me", "data-exports"] as const };

function unfinished(items: DataExport[] | undefined): boolean {
  return (items ?? []).some((item) => item.status === "queued" || item.status === "running");
}

/** My archives, newest first; asked again every two seconds while one is being made. */
export function useDataExports() {
  return useQuery({
    queryKey: privacyKeys.exports,
    queryFn: () => unwrap(api.GET("/api/v1/me/data-exports")),
    refetchInterval: (query) => (unfinished(query.state.data?.items) ? EXPORT_POLL_MS : false),
  });
}

export function useRequestDataExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/me/data-exports")),
    onSuccess: () => client.invalidateQueries({ queryKey: privacyKeys.exports }),
  });
}

/**
 * Delete my account. When the server says it is under way, every session has
 * ended already: the token is forgotten here too (no sign-out call can succeed).
 */
export async function deleteAccount(body: { password?: string; confirm?: boolean }): Promise<AccountDeletion> {
  const result = await unwrap(api.POST("/api/v1/me/deletion", { body }));
  if (result.status === "deleting") session.clear(false);
  return result;
}

/** Finish deleting an account without a password, with the emailed link's token. */
export async function confirmAccountDeletion(token: string): Promise<AccountDeletion> {
  const result = await unwrap(api.POST("/api/v1/auth/account-deletion", { body: { token } }));
  session.clear(false);
  return result;
}
