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
    expect(sent).toEqual([{ access: { visit: "signed_in", follow: "verified" } }]);
    expect(form).toBeInTheDocument();
  });
});
