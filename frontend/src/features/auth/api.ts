import { api, session, unwrap } from "@/lib/api/client";
import { csrfToken } from "@/lib/api/session";
import type { Me } from "@/lib/api/types";

export interface SignUpValues {
  email: string;
  password: string;
  first_name: string;
  last_name: string;
  locale: string;
  /** Answers to the platform's registration fields, by field id. */
  answers?: Record<string, unknown>;
  /** The versions of the legal pages accepted (required when the platform published them). */
  accepted_policies?: Record<string, number>;
}

export async function signUp(body: SignUpValues): Promise<Me> {
  return unwrap(api.POST("/api/v1/auth/sign-up", { body }));
}

export async function signIn(body: { email: string; password: string }): Promise<Me> {
  const auth = await unwrap(api.POST("/api/v1/auth/sign-in", { body }));
  session.establish(auth);
  return auth.user;
}

export async function confirmEmail(token: string): Promise<Me> {
  const auth = await unwrap(api.POST("/api/v1/auth/confirm-email", { body: { token } }));
  session.establish(auth);
  return auth.user;
}

export async function resendConfirmation(email: string): Promise<void> {
  await unwrap(api.POST("/api/v1/auth/resend-confirmation", { body: { email } }));
}

export async function requestPasswordReset(email: string): Promise<void> {
  await unwrap(api.POST("/api/v1/auth/password-reset", { body: { email } }));
}

export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  await unwrap(api.POST("/api/v1/auth/password-reset/confirm", { body: { token, password } }));
}

/** Sign out on the server (revokes the refresh family) and forget the token here. */
export async function signOut(): Promise<void> {
  try {
    await api.POST("/api/v1/auth/sign-out", { headers: { "X-CSRF-Token": csrfToken() } });
  } finally {
    session.clear(false);
  }
}
