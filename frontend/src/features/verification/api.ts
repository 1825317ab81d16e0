import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { components } from "@/lib/api/schema";

type Schemas = components["schemas"];
export type VerificationMethods = Schemas["VerificationMethods"];
export type VerificationStatus = Schemas["VerificationStatus"];
export type VerificationAdmin = Schemas["VerificationAdmin"];
export type CodeBatch = Schemas["CodeBatch"];
export type OidcProviderUpdate = Schemas["OidcProviderUpdate"];

export const verificationKeys = {
  methods: ["verification", "methods"] as const,
  mine: (viewer: string) => ["verification", "me", viewer] as const,
  admin: ["verification", "admin"] as const,
};

/** What the platform offers (anyone may ask): ways to verify, providers to sign in with. */
export function useVerificationMethods() {
  return useQuery({
    queryKey: verificationKeys.methods,
    queryFn: () => unwrap(api.GET("/api/v1/verification/methods")),
  });
}

export function useMyVerification(viewer: string) {
  return useQuery({
    queryKey: verificationKeys.mine(viewer),
    queryFn: () => unwrap(api.GET("/api/v1/verification/me")),
    enabled: Boolean(viewer),
  });
}

export function useRedeemCode(viewer: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST("/api/v1/verification/code", { body: { code } })),
    onSuccess: () => client.invalidateQueries({ queryKey: verificationKeys.mine(viewer) }),
  });
}

/** Start a round trip with the provider and send the browser there. */
export async function goToProvider(purpose: "verify" | "sign_in", returnTo: string): Promise<void> {
  const body = { return_to: returnTo };
  const started =
    purpose === "verify"
      ? await unwrap(api.POST("/api/v1/verification/oidc/start", { body }))
      : await unwrap(api.POST("/api/v1/auth/oidc/start", { body }));
  window.location.assign(started.authorization_url);
}

// Back-office ----------------------------------------------------------------------

export function useVerificationAdmin() {
  return useQuery({
    queryKey: verificationKeys.admin,
    queryFn: () => unwrap(api.GET("/api/v1/admin/verification")),
  });
}

function useAdminMutation<T, R>(call: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: verificationKeys.admin });
      void client.invalidateQueries({ queryKey: verificationKeys.methods });
    },
  });
}

export function useSetMethods() {
  return useAdminMutation((enabled: ("code" | "oidc")[]) =>
    unwrap(api.PUT("/api/v1/admin/verification/methods", { body: { enabled_methods: enabled } })),
  );
}

export function useSetProvider() {
  return useAdminMutation((body: OidcProviderUpdate) => unwrap(api.PUT("/api/v1/admin/verification/oidc", { body })));
}

export function useUploadCodes() {
  return useAdminMutation((body: { label: string; codes: string[] }) =>
    unwrap(api.POST("/api/v1/admin/verification/code-batches", { body })),
  );
}

export function useGenerateCodes() {
  return useAdminMutation((body: { label: string; count: number }) =>
    unwrap(api.POST("/api/v1/admin/verification/code-batches/generate", { body })),
  );
}

export function useRevokeBatch() {
  return useAdminMutation((batchId: string) =>
    unwrap(
      api.POST("/api/v1/admin/verification/code-batches/{batch_id}/revoke", { params: { path: { batch_id: batchId } } }),
    ),
  );
}

export function useRevokeCode() {
  return useAdminMutation((code: string) =>
    unwrap(api.POST("/api/v1/admin/verification/codes/revoke", { body: { code } })),
  );
}
