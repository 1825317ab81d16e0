import type { Problem } from "./problem-shape";

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

/**
 * An RFC 9457 problem the API answered with, as an Error the UI can catch.
 * `errors` carries per-field issues; forms map their `field` onto inputs.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldIssue[];
  readonly extra: Record<string, unknown>;

  constructor(status: number, body: Partial<Problem> & Record<string, unknown>) {
    const detail = typeof body.detail === "string" ? body.detail : "";
    super(detail || `Request failed with status ${status}`);
    this.name = "ApiProblem";
    this.status = status;
    this.code = typeof body.code === "string" ? body.code : "error";
    this.detail = detail;
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldIssue[]) : [];
    this.extra = body;
  }

  static from(status: number, body: unknown): ApiProblem {
    if (body && typeof body === "object") {
      return new ApiProblem(status, body as Record<string, unknown>);
    }
    return new ApiProblem(status, { code: "error", detail: "" });
  }
}

export function isApiProblem(value: unknown): value is ApiProblem {
  return value instanceof ApiProblem;
}
