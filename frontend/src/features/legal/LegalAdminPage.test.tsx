import { configure, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { preloadAdmin, signInAdmin } from "@/features/admin/adminTesting";
import { stubLayoutForEditor } from "@/features/feedback/editorTesting";
import { platform } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

configure({ asyncUtilTimeout: 4000 });

beforeAll(async () => {
  stubLayoutForEditor();
  await preloadAdmin();
  await import("@/components/RichTextEditor");
});

const privacyV1 = {
  document: "privacy",
  version: 1,
  published_at: "2026-10-01T10:00:00Z",
  content: { en: "<p>First.</p>" },
};

function legalApi() {
  const sent: { method: string; body: unknown }[] = [];
  server.use(
    http.get("/api/v1/legal", () => HttpResponse.json({ privacy: privacyV1, terms: null })),
    http.get("/api/v1/legal/versions", () => HttpResponse.json({ items: [privacyV1] })),
    http.post("/api/v1/legal/versions", async ({ request }) => {
      const body = (await request.json()) as { document: string; content: Record<string, string> };
      sent.push({ method: "POST", body });
      return HttpResponse.json(
        { ...privacyV1, document: body.document, version: 2, content: body.content },
        { status: 201 },
      );
    }),
    http.patch("/api/v1/platform", async ({ request }) => {
      const body = (await request.json()) as object;
      sent.push({ method: "PATCH", body });
      return HttpResponse.json({ ...platform, ...body });
    }),
  );
  return sent;
}

describe("LegalAdminPage", () => {
  it("saves what happens to deleted accounts' contributions and the analytics script", async () => {
    signInAdmin();
    const sent = legalApi();
    renderApp("/admin/privacy");
    const form = await screen.findByRole("form", { name: "Privacy settings" });
    await userEvent.selectOptions(
      within(form).getByRole("combobox", { name: /ideas and comments are/ }),
      "deleted with the account",
    );
    await userEvent.type(
      within(form).getByRole("textbox", { name: "Analytics script address (optional)" }),
      "https://stats.alpha.example/matomo.js",
    );
    await userEvent.click(within(form).getByRole("button", { name: "Save privacy settings" }));
    expect(await within(form).findByText("Privacy settings saved.")).toBeInTheDocument();
    expect(sent).toEqual([
      {
        method: "PATCH",
        body: {
          privacy: { deleted_content: "delete", analytics_script_url: "https://stats.alpha.example/matomo.js" },
        },
      },
    ]);
  });

  it("publishes a new version of the privacy policy and lists the published ones", async () => {
    signInAdmin();
    const sent = legalApi();
    renderApp("/admin/privacy");
    const section = await screen.findByRole("region", { name: "Privacy policy" });
    expect(within(section).getByText("Version 1, published on October 1, 2026")).toBeInTheDocument();
    const english = await within(section).findByRole("textbox", { name: "English" });
    await userEvent.click(english);
    await userEvent.keyboard(" Second.");
    await userEvent.click(within(section).getByRole("button", { name: "Publish a new version" }));
    expect(await within(section).findByText(/Version 2 is published/)).toBeInTheDocument();
    const [published] = sent;
    expect(published.method).toBe("POST");
    expect(published.body).toMatchObject({ document: "privacy" });
    expect((published.body as { content: { en: string } }).content.en).toContain("Second.");
    const history = screen.getByRole("region", { name: "Published versions" });
    expect(within(history).getByText(/Version 1, published on/)).toBeInTheDocument();
  });
});
