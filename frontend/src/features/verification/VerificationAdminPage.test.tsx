import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { preloadAdmin } from "@/features/moderation/moderationTesting";
import { admin } from "@/testing/fixtures";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { signInAs } from "@/testing/signIn";
import type { CodeBatch, VerificationAdmin } from "./api";

const batch: CodeBatch = {
  id: "b-1",
  label: "National numbers",
  source: "upload",
  total: 3,
  unused: 2,
  used: 1,
  revoked: 0,
  created_at: "2026-12-01T10:00:00Z",
};

function adminApi() {
  const settings: VerificationAdmin = {
    available_methods: ["code", "oidc"],
    enabled_methods: ["code"],
    oidc: null,
    redirect_uri: "http://localhost/api/v1/auth/oidc/callback",
    batches: [batch],
  };
  const sent: { path: string; body: unknown }[] = [];
  const record = (path: string) => async ({ request }: { request: Request }) => {
    sent.push({ path, body: await request.json() });
  };
  server.use(
    http.get("/api/v1/dev/mails", () => problem(404, "not_found", "Not here.")),
    http.get("/api/v1/admin/verification", () => HttpResponse.json(settings)),
    http.put("/api/v1/admin/verification/oidc", async (info) => {
      await record("oidc")(info);
      return HttpResponse.json(settings);
    }),
    http.post("/api/v1/admin/verification/code-batches", async (info) => {
      await record("upload")(info);
      return HttpResponse.json({ batch: { ...batch, id: "b-2", total: 2 }, skipped: 1 }, { status: 201 });
    }),
    http.post("/api/v1/admin/verification/code-batches/generate", async (info) => {
      await record("generate")(info);
      const codes = ["7K3Q-M9XD-2HFA", "QX2D-4HJK-8MNP"];
      return HttpResponse.json({ batch: { ...batch, id: "b-3", source: "generated", total: 2 }, codes }, { status: 201 });
    }),
  );
  return sent;
}

beforeAll(preloadAdmin);

describe("VerificationAdminPage", () => {
  it("lists code batches with their counts and uploads a pasted list", async () => {
    signInAs(admin);
    const sent = adminApi();
    renderApp("/admin/verification");
    expect(await screen.findByRole("heading", { name: "Identity verification", level: 1 })).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Code lists and how many codes are used" });
    expect(within(table).getByRole("row", { name: /National numbers/ })).toHaveTextContent(/3\s*2\s*1\s*0/);
    const upload = screen.getByRole("form", { name: "Upload a list of codes" });
    await userEvent.type(within(upload).getByRole("textbox", { name: "Name of the list" }), "Paper 2026");
    await userEvent.type(within(upload).getByRole("textbox", { name: "Codes" }), "AAAA-1111\nBBBB-2222\nAAAA-1111");
    await userEvent.click(within(upload).getByRole("button", { name: "Upload" }));
    expect(await within(upload).findByRole("status")).toHaveTextContent("2 codes were added; 1 left out");
    expect(sent).toEqual([{ path: "upload", body: { label: "Paper 2026", codes: ["AAAA-1111", "BBBB-2222"] } }]);
  });

  it("shows generated codes once, with a CSV download", async () => {
    signInAs(admin);
    const sent = adminApi();
    renderApp("/admin/verification");
    const generate = await screen.findByRole("form", { name: "Generate codes to print" });
    await userEvent.type(within(generate).getByRole("textbox", { name: "Name of the list" }), "Paper");
    await userEvent.click(within(generate).getByRole("button", { name: "Generate" }));
    expect(await screen.findByText("7K3Q-M9XD-2HFA")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download the codes (CSV)" })).toHaveAttribute("download", "verification-codes.csv");
    expect(sent).toEqual([{ path: "generate", body: { label: "Paper", count: 50 } }]);
  });

  it("sets the provider with a write-only secret and says which fields are missing", async () => {
    signInAs(admin);
    const sent = adminApi();
    renderApp("/admin/verification");
    const provider = await screen.findByRole("form", { name: "OpenID Connect provider" });
    expect(within(provider).getByText("http://localhost/api/v1/auth/oidc/callback")).toBeInTheDocument();
    await userEvent.click(within(provider).getByRole("button", { name: "Save provider" }));
    const summary = await within(provider).findByRole("alert");
    await waitFor(() => expect(summary).toHaveFocus());
    await userEvent.type(within(provider).getByRole("textbox", { name: "Name shown to residents" }), "Itsme");
    await userEvent.type(within(provider).getByRole("textbox", { name: /Issuer URL/ }), "https://id.example.org");
    await userEvent.type(within(provider).getByRole("textbox", { name: "Client ID" }), "townhall");
    await userEvent.type(within(provider).getByLabelText("Client secret"), "s3cret");
    await userEvent.click(within(provider).getByRole("checkbox", { name: "Residents may sign in with it" }));
    await userEvent.click(within(provider).getByRole("button", { name: "Save provider" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: "oidc",
      body: {
        name: "Itsme",
        issuer: "https://id.example.org",
        client_id: "townhall",
        client_secret: "s3cret",
        claims: { subject: "sub", email: "email", first_name: "given_name", last_name: "family_name" },
        sign_in: true,
        verification: true,
      },
    });
    expect(within(provider).getByLabelText("Client secret")).toHaveValue("");
  });
});
