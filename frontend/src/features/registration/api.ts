import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api, session, unwrap } from "@/lib/api/client";
import type { Me } from "@/lib/api/types";
import type { RegistrationField } from "./types";

export const registrationKeys = {
  all: ["registration"] as const,
  form: ["registration", "form"] as const,
  fields: ["registration", "fields"] as const,
  areas: ["registration", "areas"] as const,
};

/** The fields residents answer, in order (public: the sign-up form shows them). */
export function useRegistrationForm(enabled = true) {
  return useQuery({
    queryKey: registrationKeys.form,
    queryFn: () => unwrap(api.GET("/api/v1/registration")),
    staleTime: 60_000,
    enabled,
  });
}

/** Change some answers of the signed-in resident; the session then knows them. */
export async function saveAnswers(answers: Record<string, unknown>): Promise<Me> {
  const me = await unwrap(api.PATCH("/api/v1/me", { body: { answers } }));
  session.updateUser(me);
  return me;
}

/** Every field, switched-off ones too (admins). */
export function useAdminRegistrationFields(enabled = true) {
  return useQuery({
    queryKey: registrationKeys.fields,
    queryFn: () => unwrap(api.GET("/api/v1/registration/fields")),
    enabled,
  });
}

/**
 * The fields other back-office pages name (phase permissions, smart-group
 * rules), in order: admins read every field, switched-off ones too; the rest
 * of the team may read only those residents are asked.
 */
export function useFieldChoices(admin: boolean): {
  fields: RegistrationField[];
  isPending: boolean;
  error: Error | null;
} {
  const every = useAdminRegistrationFields(admin);
  const asked = useRegistrationForm(!admin);
  if (admin) return { fields: every.data?.items ?? [], isPending: every.isPending, error: every.error };
  return { fields: asked.data?.fields ?? [], isPending: asked.isPending, error: asked.error };
}

export function useAreas() {
  return useQuery({
    queryKey: registrationKeys.areas,
    queryFn: () => unwrap(api.GET("/api/v1/registration/areas")),
  });
}

/** Drop every cached registration answer after an admin's change. */
export function useInvalidateRegistration() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: registrationKeys.all }),
    [queryClient],
  );
}
