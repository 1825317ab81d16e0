import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";
import { grace, mei, preloadAdmin, samuel, signIn, user, usersApi } from "./peopleTesting";

beforeAll(preloadAdmin);

describe("UsersPage", () => {
  it("lists users with their roles in words", async () => {
    // GIVEN an admin, a moderator of "A new park" and a resident
    signIn();
    usersApi([grace, mei, samuel]);
    // WHEN the admin opens the users page
    renderApp("/admin/users");
    // THEN each user shows with their roles, named by project
    expect(await screen.findByRole("heading", { name: "Users", level: 1 })).toBeInTheDocument();
    const meiItem = (await screen.findByRole("heading", { name: "Mei Chen" })).closest("li") as HTMLElement;
    expect(await within(meiItem).findByText("Moderator of A new park")).toBeInTheDocument();
    const graceItem = screen.getByRole("heading", { name: "Grace Lovelace" }).closest("li") as HTMLElement;
    expect(within(graceItem).getByText("Administrator")).toBeInTheDocument();
    const samuelItem = screen.getByRole("heading", { name: "Samuel Okafor" }).closest("li") as HTMLElement;
    expect(within(samuelItem).getByText("No role: a resident.")).toBeInTheDocument();
    expect(within(samuelItem).getByText("samuel@example.org")).toBeInTheDocument();
  });

  it("searches by name or email and pages through the results", async () => {
    signIn();
    const many = Array.from({ length: 30 }, (_, index) => user(`u-${index}`, `Person${index}`, "Test"));
    usersApi([...many, samuel]);
    renderApp("/admin/users");
    // WHEN the admin searches for Samuel
    const search = await screen.findByRole("search", { name: "Search users" });
    const box = within(search).getByRole("searchbox", { name: "Name or email" });
    expect(box).toHaveAccessibleDescription(/Type the start of a name or of an email address/);
    await userEvent.type(box, "okafor");
    await userEvent.click(within(search).getByRole("button", { name: "Search" }));
    // THEN only he is listed
    expect(await screen.findByRole("heading", { name: "Samuel Okafor" })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Person0 Test" })).toBeNull());
    // AND an unmatched search says so
    await userEvent.clear(within(search).getByRole("searchbox", { name: "Name or email" }));
    await userEvent.type(within(search).getByRole("searchbox", { name: "Name or email" }), "nobody");
    await userEvent.click(within(search).getByRole("button", { name: "Search" }));
    expect(await screen.findByText("Nobody matches “nobody”.")).toBeInTheDocument();
  });

  it("loads more users a page at a time", async () => {
    signIn();
    usersApi(
      Array.from({ length: 30 }, (_, index) => user(`u-${index}`, `Person${String(index).padStart(2, "0")}`, "Test")),
    );
    renderApp("/admin/users");
    expect(await screen.findByRole("heading", { name: "Person24 Test" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Person25 Test" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Load more" }));
    expect(await screen.findByRole("heading", { name: "Person29 Test" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  it("makes a resident project manager of a chosen project and moderator of another", async () => {
    signIn();
    const sent = usersApi([grace, samuel]);
    renderApp("/admin/users");
    await userEvent.click(await screen.findByRole("button", { name: "Change roles of Samuel Okafor" }));
    const form = screen.getByRole("form", { name: "Roles of Samuel Okafor" });
    const managerOf = within(form).getByRole("group", { name: "Project manager of" });
    await userEvent.click(await within(managerOf).findByRole("checkbox", { name: "A new park" }));
    const moderatorOf = within(form).getByRole("group", { name: "Moderator of" });
    await userEvent.click(within(moderatorOf).getByRole("checkbox", { name: "1,000 trees" }));
    await userEvent.click(within(form).getByRole("button", { name: "Save roles" }));
    // THEN the grants are sent, a status says so and the list shows the new roles
    expect(await screen.findByRole("status")).toHaveTextContent("The roles of Samuel Okafor are saved.");
    expect(sent).toEqual([
      {
        method: "PUT",
        path: "/admin/users/u-samuel/roles",
        body: {
          roles: [
            { role: "project_manager", scope: ["p-1"] },
            { role: "moderator", scope: ["p-2"] },
          ],
        },
      },
    ]);
    expect(await screen.findByText("Project manager of A new park")).toBeInTheDocument();
    expect(screen.getByText("Moderator of 1,000 trees")).toBeInTheDocument();
  });

  it("makes a user folder manager, keeping grants on projects the pickers do not list", async () => {
    signIn();
    const theo = user("u-theo", "Theo", "Brandt", [{ role: "project_manager", scope: ["p-gone", "p-1"] }]);
    const sent = usersApi([theo]);
    renderApp("/admin/users");
    await userEvent.click(await screen.findByRole("button", { name: "Change roles of Theo Brandt" }));
    const form = screen.getByRole("form", { name: "Roles of Theo Brandt" });
    const folderOf = within(form).getByRole("group", { name: "Folder manager of" });
    await userEvent.click(await within(folderOf).findByRole("checkbox", { name: "Green city" }));
    const managerOf = within(form).getByRole("group", { name: "Project manager of" });
    expect(within(managerOf).getByRole("checkbox", { name: "A new park" })).toBeChecked();
    await userEvent.click(within(managerOf).getByRole("checkbox", { name: "A new park" }));
    await userEvent.click(within(form).getByRole("button", { name: "Save roles" }));
    await screen.findByRole("status");
    expect(sent[0].body).toEqual({
      roles: [
        { role: "folder_manager", scope: ["f-1"] },
        { role: "project_manager", scope: ["p-gone"] },
      ],
    });
  });

  it("asks before taking away another person's admin role", async () => {
    signIn();
    const ada = user("u-ada", "Ada", "Verhoeven", [{ role: "admin", scope: [] }]);
    const sent = usersApi([ada]);
    renderApp("/admin/users");
    await userEvent.click(await screen.findByRole("button", { name: "Change roles of Ada Verhoeven" }));
    const form = screen.getByRole("form", { name: "Roles of Ada Verhoeven" });
    await userEvent.click(within(form).getByRole("checkbox", { name: "Administrator" }));
    await userEvent.click(within(form).getByRole("button", { name: "Save roles" }));
    // THEN a confirmation takes focus, and cancelling sends nothing
    const dialog = await screen.findByRole("alertdialog", { name: /Remove the administrator role of Ada Verhoeven/ });
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(sent).toEqual([]);
    // WHEN they confirm
    await userEvent.click(within(form).getByRole("button", { name: "Save roles" }));
    await userEvent.click(await screen.findByRole("button", { name: "Yes, remove the administrator role" }));
    // THEN no role is left
    expect(await screen.findByRole("status")).toHaveTextContent("The roles of Ada Verhoeven are saved.");
    expect(sent).toEqual([{ method: "PUT", path: "/admin/users/u-ada/roles", body: { roles: [] } }]);
  });

  it("says in words that admins cannot remove their own admin role", async () => {
    signIn();
    usersApi([grace]);
    renderApp("/admin/users");
    await userEvent.click(await screen.findByRole("button", { name: "Change roles of Grace Lovelace" }));
    const form = screen.getByRole("form", { name: "Roles of Grace Lovelace" });
    const adminBox = within(form).getByRole("checkbox", { name: "Administrator" });
    expect(adminBox).toHaveAccessibleDescription(/This is you: you cannot remove your own administrator role/);
    await userEvent.click(adminBox);
    await userEvent.click(within(form).getByRole("button", { name: "Save roles" }));
    await userEvent.click(await screen.findByRole("button", { name: "Yes, remove the administrator role" }));
    // THEN the error summary takes focus with the reason in words
    const summary = await within(form).findByRole("alert");
    expect(summary).toHaveTextContent("You cannot remove your own administrator role. Ask another administrator to do it.");
    await waitFor(() => expect(summary).toHaveFocus());
  });
});
