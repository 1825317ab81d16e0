import { z } from "zod";

/**
 * Build-time settings, parsed once against a schema so a typo fails loudly.
 * The API is served on the same origin by default (the local runner and
 * CloudFront both do), so nothing needs configuring for a normal build.
 */
const EnvSchema = z.object({
  VITE_API_ORIGIN: z.url().optional(),
});

const parsed = EnvSchema.parse(import.meta.env);

export const env = {
  apiOrigin: parsed.VITE_API_ORIGIN ?? window.location.origin,
} as const;
