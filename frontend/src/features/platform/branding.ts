import { readableTextOn } from "@/lib/color";
import type { Platform } from "@/lib/api/types";

/** The colours the stylesheet ships with, used until a platform sets its own. */
export const DEFAULT_PRIMARY = "#1b4f8a";
export const DEFAULT_SECONDARY = "#c2410c";

/** Set the tenant's colours as CSS custom properties the stylesheet reads. */
export function applyBranding(branding: Platform["branding"], root: HTMLElement): void {
  const primary = branding.primary_color ?? DEFAULT_PRIMARY;
  const secondary = branding.secondary_color ?? DEFAULT_SECONDARY;
  root.style.setProperty("--color-primary", primary);
  root.style.setProperty("--color-on-primary", readableTextOn(primary));
  root.style.setProperty("--color-secondary", secondary);
  root.style.setProperty("--color-on-secondary", readableTextOn(secondary));
}
