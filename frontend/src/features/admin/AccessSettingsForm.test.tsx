import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { platform } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { preloadAdmin, signInAdmin } from "./adminTesting";

beforeAll(preloadAdmin);

describe("AccessSettingsForm", () => {
  it("closes the platform to visitors and keeps following for verified residents", async () => {
    // GIVEN an admin on the settings page of an open platform
    signInAdmin();
    const sent: unknown[] = [];
    server.use(
      http.patch("/api/v1/platform", async ({ request }) => {
        const body = (await request.json()) as { access: Record<string, string> };
        sent.push(body);
        return HttpResponse.json({ ...platform, access: body.access });
      }),
    );
    renderApp("/admin/settings");
    const form = await screen.findByRole("form", { name: "Who can use the platform" });
    // WHEN they choose signed-in residents only and verified followers, and save
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: /Who can see the platform's content/ }),
      "Signed-in residents only",
    );
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: "Who can follow ideas and projects" }),
      "Residents who verified their identity",
    );
    await userEvent.click(screen.getByRole("button", { name: "Save access" }));
    // THEN both choices are sent and the save is confirmed
    expect(await screen.findByRole("status")).toHaveTextContent(/saved/i);
    expect(sent).toEqual([{ access: { visit: "signed_in", follow: "verified", comment_proposals: "signed_in" } }]);
    expect(form).toBeInTheDocument();
  });

  it("lets only residents with a confirmed email comment on proposals, keeping the other settings", async () => {
    // GIVEN an admin on the settings page of a platform that lets verified residents follow
    signInAdmin();
    server.use(http.get("/api/v1/platform", () => HttpResponse.json({ ...platform, access: { ...platform.access, follow: "verified" } })));
    const sent: unknown[] = [];
    server.use(
      http.patch("/api/v1/platform", async ({ request }) => {
        const body = (await request.json()) as { access: Record<string, string> };
        sent.push(body);
        return HttpResponse.json({ ...platform, access: body.access });
      }),
    );
    renderApp("/admin/settings");
    const rule = await screen.findByRole("combobox", { name: /Who can comment on proposals/ });
    expect(rule).toHaveValue("signed_in");
    expect(rule).toHaveAccessibleDescription(
      "Applies in every proposals phase; each phase's own rule for comments must admit them too.",
    );
    // WHEN they choose residents with a confirmed email address, and save
    await userEvent.selectOptions(rule, "Residents with a confirmed email address");
    await userEvent.click(screen.getByRole("button", { name: "Save access" }));
    // THEN the rule is sent with the others, unchanged
    expect(await screen.findByRole("status")).toHaveTextContent(/saved/i);
    expect(sent).toEqual([{ access: { visit: "everyone", follow: "verified", comment_proposals: "confirmed_email" } }]);
  });
});
