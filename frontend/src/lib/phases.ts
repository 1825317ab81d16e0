import type { Phase } from "@/lib/api/types";

/**
 * The participation methods whose phases collect inputs: ideas and
 * proposals share the endpoints, the input form, the idea page and the
 * input manager, so every place that lists such phases asks here.
 */
export const INPUT_METHODS: readonly string[] = ["ideation", "proposals"];

/** Whether residents post inputs (ideas, proposals) in this phase. */
export function collectsInputs(phase: Pick<Phase, "method">): boolean {
  return INPUT_METHODS.includes(phase.method);
}
