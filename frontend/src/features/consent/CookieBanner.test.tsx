import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { platform } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { ANALYTICS_SCRIPT_ID, readConsent } from ".";

configure({ asyncUtilTimeout: 3000 });

const SCRIPT = "https://stats.alpha.example/matomo.js";

function withAnalytics() {
  server.use(
    http.get("/api/v1/platform", () =>
      HttpResponse.json({ ...platform, privacy: { deleted_content: "anonymise", analytics_script_url: SCRIPT } }),
    ),
  );
}

const analyticsScript = () => document.getElementById(ANALYTICS_SCRIPT_ID);

describe("CookieBanner", () => {
  beforeEach(() => {
    // A first visit: no choice yet.
    document.cookie = "th_consent=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
  });

  it("asks on the first visit, with only functional cookies on, and loads no analytics before consent", async () => {
    withAnalytics();
    renderApp("/");
    const banner = await screen.findByRole("region", { name: "Cookies on this site" });
    expect(within(banner).getByRole("checkbox", { name: "Functional cookies (always on)" })).toBeChecked();
    expect(within(banner).getByRole("checkbox", { name: "Functional cookies (always on)" })).toBeDisabled();
    expect(within(banner).getByRole("checkbox", { name: "Analytics cookies" })).not.toBeChecked();
    expect(within(banner).getByRole("checkbox", { name: "Marketing cookies" })).not.toBeChecked();
    await screen.findByRole("link", { name: "Privacy policy" });
    expect(analyticsScript()).toBeNull();
    expect(readConsent()).toBeNull();
  });

  it("remembers 'only functional' in a cookie, hides the banner and still loads no analytics", async () => {
    withAnalytics();
    renderApp("/");
    const banner = await screen.findByRole("region", { name: "Cookies on this site" });
    await userEvent.click(within(banner).getByRole("button", { name: "Only functional cookies" }));
    expect(screen.queryByRole("region", { name: "Cookies on this site" })).not.toBeInTheDocument();
    expect(readConsent()).toEqual({ analytics: false, marketing: false });
    expect(document.cookie).toContain("th_consent=v1.a0.m0");
    expect(analyticsScript()).toBeNull();
  });

  it("loads the analytics script only once analytics are accepted, and removes it when withdrawn", async () => {
    withAnalytics();
    renderApp("/");
    const banner = await screen.findByRole("region", { name: "Cookies on this site" });
    await userEvent.click(within(banner).getByRole("checkbox", { name: "Analytics cookies" }));
    expect(analyticsScript()).toBeNull(); // ticking is not choosing
    await userEvent.click(within(banner).getByRole("button", { name: "Save my choices" }));
    await waitFor(() => expect(analyticsScript()).toHaveAttribute("src", SCRIPT));
    expect(readConsent()).toEqual({ analytics: true, marketing: false });
    // WHEN the visitor reopens the settings from the footer and takes it back
    const settings = screen.getByRole("button", { name: "Cookie settings" });
    await userEvent.click(settings);
    const again = await screen.findByRole("region", { name: "Cookies on this site" });
    await waitFor(() => expect(within(again).getByRole("heading", { name: "Cookies on this site" })).toHaveFocus());
    expect(within(again).getByRole("checkbox", { name: "Analytics cookies" })).toBeChecked();
    await userEvent.click(within(again).getByRole("button", { name: "Only functional cookies" }));
    // THEN the script is gone and focus is back on the footer's button
    expect(analyticsScript()).toBeNull();
    await waitFor(() => expect(screen.getByRole("button", { name: "Cookie settings" })).toHaveFocus());
  });

  it("closes with Escape once a choice exists, returning focus to the footer link", async () => {
    document.cookie = "th_consent=v1.a0.m0; path=/";
    renderApp("/");
    expect(screen.queryByRole("region", { name: "Cookies on this site" })).not.toBeInTheDocument();
    const settings = await screen.findByRole("button", { name: "Cookie settings" });
    await userEvent.click(settings);
    await screen.findByRole("region", { name: "Cookies on this site" });
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "Cookies on this site" })).not.toBeInTheDocument();
    await waitFor(() => expect(settings).toHaveFocus());
  });
});
