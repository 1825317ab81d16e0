import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import type { Me } from "@/lib/api/types";
import { admin, resident } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { inputsApi } from "./inputsTesting";

const manager: Me = { ...resident, id: "u-pm", roles: [{ role: "project_manager", scope: ["p-1"] }] };

beforeAll(async () => {
  await import("@/features/admin/AdminApp");
});

function backOffice() {
  server.use(http.get("/api/v1/dev/mails", () => HttpResponse.json({ items: [], total: 0 })));
}

describe("the input manager in the back-office", () => {
  it("is in an admin's navigation at /admin/inputs", async () => {
    backOffice();
    inputsApi(undefined, admin);
    renderApp("/admin/inputs");
    const nav = await screen.findByRole("navigation", { name: "Back-office" }, { timeout: 3000 });
    expect(within(nav).getByRole("link", { name: "Input manager" })).toHaveAttribute("aria-current", "page");
    expect(await screen.findByRole("heading", { name: "Input manager", level: 1 })).toBeInTheDocument();
  });

  it("opens to a project manager who is not an admin", async () => {
    backOffice();
    inputsApi(undefined, manager);
    renderApp("/admin/inputs");
    expect(await screen.findByRole("heading", { name: "Input manager", level: 1 })).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Back-office" });
    expect(within(nav).getByRole("link", { name: "Input manager" })).toBeInTheDocument();
    // A project manager's back-office also holds their projects, never the platform's setup.
    expect(within(nav).getByRole("link", { name: "Projects" })).toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "Platform settings" })).toBeNull();
    expect(await screen.findByRole("table")).toBeInTheDocument();
  });
});
