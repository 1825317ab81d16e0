import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { folderSummary, projectSummary } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

describe("HomePage", () => {
  it("lists the published folders and projects as linked cards", async () => {
    // GIVEN a platform with one folder and two projects, one archived
    server.use(
      http.get("/api/v1/folders", () => HttpResponse.json({ items: [folderSummary], next_cursor: null })),
      http.get("/api/v1/projects", () =>
        HttpResponse.json({
          items: [
            projectSummary,
            { ...projectSummary, id: "p-2", slug: "old-square", title: { en: "Old square" }, status: "archived" },
          ],
          next_cursor: null,
        }),
      ),
    );
    // WHEN a visitor opens the home page
    renderApp("/");
    // THEN the hero names the platform, and each card links to its page
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome to City of Alpha" })).toBeInTheDocument();
    const folders = screen.getByRole("region", { name: "Folders" });
    expect(await within(folders).findByRole("link", { name: "Green city" })).toHaveAttribute(
      "href",
      "/folders/green-city",
    );
    expect(within(folders).getByText("2 projects")).toBeInTheDocument();
    const projects = screen.getByRole("region", { name: "Projects" });
    expect(await within(projects).findByRole("link", { name: "A new park" })).toHaveAttribute(
      "href",
      "/projects/new-park",
    );
    expect(within(projects).getByText("Archived")).toBeInTheDocument();
  });

  it("shows the texts in the viewer's language when they exist", async () => {
    // GIVEN a French-speaking visitor
    window.localStorage.setItem("townhall.locale", "fr");
    server.use(
      http.get("/api/v1/projects", () => HttpResponse.json({ items: [projectSummary], next_cursor: null })),
    );
    // WHEN they open the home page
    renderApp("/");
    // THEN titles are in French and the empty folder list says so in French
    expect(await screen.findByRole("link", { name: "Un nouveau parc" })).toBeInTheDocument();
    expect(await screen.findByText("Il n’y a pas encore de dossier.")).toBeInTheDocument();
  });

  it("says so when there is nothing published yet", async () => {
    renderApp("/");
    expect(await screen.findByText("There are no folders yet.")).toBeInTheDocument();
    expect(await screen.findByText("There are no projects yet.")).toBeInTheDocument();
  });
});
