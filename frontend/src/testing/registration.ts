/** A small in-memory registration API (fields and areas) for tests of the pages that read or change it. */
import { http, HttpResponse } from "msw";
import type { components } from "@/lib/api/schema";
import { registrationField } from "./fixtures";
import { problem } from "./handlers";
import { server } from "./server";

type RegistrationField = components["schemas"]["RegistrationField"];
type Area = components["schemas"]["Area"];

export interface Sent {
  method: string;
  path: string;
  body?: unknown;
}

export function area(id: string, en: string): Area {
  return { id, name: { en }, created_at: "2026-01-02T10:00:00Z" };
}

/** The built-in questions as a new platform has them (all switched off), then `custom` ones. */
export function builtinFields(): RegistrationField[] {
  return [
    registrationField({ enabled: false, options: [{ id: "female", label: { en: "Woman" } }, { id: "male", label: { en: "Man" } }] }),
    registrationField({ id: "birthyear", type: "number", label: { en: "Year of birth" }, enabled: false, options: [], purpose: { en: "To see which age groups take part." } }),
    registrationField({ id: "area", label: { en: "Area where you live" }, enabled: false, options: [], purpose: { en: "To invite you to projects near you." } }),
    registrationField({ id: "education", label: { en: "Highest level of education" }, enabled: false, options: [{ id: "primary", label: { en: "Primary school" } }, { id: "master", label: { en: "Master's degree" } }], purpose: { en: "To hear from every background." } }),
  ];
}

/**
 * GET, POST, PATCH, DELETE and reorder of fields and areas over lists, as the
 * API answers them (the area question offers the areas); records what was sent.
 */
export function registrationApi(initialFields: RegistrationField[], initialAreas: Area[] = []): Sent[] {
  let fields = [...initialFields];
  let areas = [...initialAreas];
  const sent: Sent[] = [];
  const withAreas = (field: RegistrationField): RegistrationField =>
    field.id === "area" ? { ...field, options: areas.map((a) => ({ id: a.id, label: a.name })) } : field;
  const record = async (request: Request, method: string, path: string) => {
    const body = method === "DELETE" ? undefined : await request.json();
    sent.push({ method, path, ...(body === undefined ? {} : { body }) });
    return body as Record<string, unknown>;
  };
  server.use(
    http.get("/api/v1/registration/fields", () => HttpResponse.json({ items: fields.map(withAreas) })),
    http.get("/api/v1/registration", () =>
      HttpResponse.json({ fields: fields.map(withAreas).filter((f) => f.enabled && (f.id !== "area" || areas.length)) }),
    ),
    http.post("/api/v1/registration/fields", async ({ request }) => {
      const body = await record(request, "POST", "/registration/fields");
      const created = registrationField({
        help: null,
        purpose: null,
        options: [],
        ...(body as Partial<RegistrationField>),
        id: `f-${fields.length + 1}`,
        builtin: false,
      });
      fields = [...fields, created];
      return HttpResponse.json(created, { status: 201 });
    }),
    http.put("/api/v1/registration/fields/order", async ({ request }) => {
      const body = (await record(request, "PUT", "/registration/fields/order")) as { ids: string[] };
      fields = body.ids.map((id) => fields.find((f) => f.id === id)!);
      return HttpResponse.json({ items: fields.map(withAreas) });
    }),
    http.patch("/api/v1/registration/fields/:id", async ({ request, params }) => {
      const body = await record(request, "PATCH", `/registration/fields/${String(params.id)}`);
      const found = fields.find((f) => f.id === params.id);
      if (!found) return problem(404, "not_found", "Not found.");
      const updated = { ...found, ...(body as Partial<RegistrationField>) };
      fields = fields.map((f) => (f.id === params.id ? updated : f));
      return HttpResponse.json(withAreas(updated));
    }),
    http.delete("/api/v1/registration/fields/:id", async ({ request, params }) => {
      await record(request, "DELETE", `/registration/fields/${String(params.id)}`);
      fields = fields.filter((f) => f.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
    http.get("/api/v1/registration/areas", () => HttpResponse.json({ items: areas })),
    http.post("/api/v1/registration/areas", async ({ request }) => {
      const body = (await record(request, "POST", "/registration/areas")) as { name: Record<string, string> };
      const created = { ...area(`a-${areas.length + 1}`, ""), name: body.name };
      areas = [...areas, created];
      return HttpResponse.json(created, { status: 201 });
    }),
    http.put("/api/v1/registration/areas/order", async ({ request }) => {
      const body = (await record(request, "PUT", "/registration/areas/order")) as { ids: string[] };
      areas = body.ids.map((id) => areas.find((a) => a.id === id)!);
      return HttpResponse.json({ items: areas });
    }),
    http.patch("/api/v1/registration/areas/:id", async ({ request, params }) => {
      const body = (await record(request, "PATCH", `/registration/areas/${String(params.id)}`)) as {
        name: Record<string, string>;
      };
      areas = areas.map((a) => (a.id === params.id ? { ...a, name: body.name } : a));
      return HttpResponse.json(areas.find((a) => a.id === params.id));
    }),
    http.delete("/api/v1/registration/areas/:id", async ({ request, params }) => {
      await record(request, "DELETE", `/registration/areas/${String(params.id)}`);
      areas = areas.filter((a) => a.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return sent;
}
