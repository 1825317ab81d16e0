import type { components } from "./schema";

/** RFC 9457 problem document as the generated schema describes it. */
export type Problem = components["schemas"]["Problem"];
