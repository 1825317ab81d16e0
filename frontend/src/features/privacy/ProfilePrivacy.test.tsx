import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { session } from "@/lib/api/client";
import { problem } from "@/testing/handlers";
import { resident } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import { signInAs } from "@/testing/signIn";

function profilePage(user = resident) {
  server.use(http.get("/api/v1/registration", () => HttpResponse.json({ fields: [], areas: [] })));
  signInAs(user);
  return renderApp("/profile");
}

configure({ asyncUtilTimeout: 4000 });

const queued = {
  id: "job-1",
  status: "queued",
  files_written: 0,
  created_at: "2026-12-01T10:00:00Z",
  finished_at: null,
  download_url: null,
  expires_at: null,
  error: null,
};
const done = {
  ...queued,
  status: "done",
  files_written: 18,
  finished_at: "2026-12-01T10:01:00Z",
  download_url: "http://storage.test/alpha/exports/job-1.zip?X-Amz-Expires=900",
  expires_at: "2026-12-08T10:01:00Z",
};

describe("the profile's own-data sections", () => {
  it("asks for an archive, says it is being prepared, then offers the download link", async () => {
    let jobs: object[] = [];
    let listed = 0;
    server.use(
      http.get("/api/v1/me/data-exports", () => {
        listed += 1;
        // The second read after the request finds it finished.
        const items = jobs.length && listed > 2 ? [done] : jobs;
        return HttpResponse.json({ items });
      }),
      http.post("/api/v1/me/data-exports", () => {
        jobs = [queued];
        return HttpResponse.json(queued, { status: 202 });
      }),
    );
    profilePage();
    const section = await screen.findByRole("region", { name: "Your data" });
    await userEvent.click(within(section).getByRole("button", { name: "Download my data" }));
    expect(await within(section).findByText(/Your archive is being prepared/)).toBeInTheDocument();
    expect(within(section).getByRole("button", { name: "Download my data" })).toBeDisabled();
    const link = await within(section).findByRole("link", { name: /Download my data \(archive of/ }, { timeout: 8000 });
    expect(link).toHaveAttribute("href", done.download_url);
    expect(within(section).getByText(/Available until/)).toBeInTheDocument();
  });

  it("refuses a wrong password and keeps the resident signed in", async () => {
    server.use(
      http.post("/api/v1/me/deletion", () =>
        problem(422, "validation_failed", "Check the fields.", [
          { field: "password", code: "invalid_password", message: "This is not your password." },
        ]),
      ),
    );
    profilePage();
    const section = await screen.findByRole("region", { name: "Delete my account" });
    expect(within(section).getByText(/shown as by “Former resident”/)).toBeInTheDocument();
    await userEvent.click(within(section).getByRole("checkbox", { name: /cannot be restored/ }));
    await userEvent.type(within(section).getByLabelText("Your password"), "not mine");
    await userEvent.click(within(section).getByRole("button", { name: "Delete my account" }));
    expect(
      await within(section).findByText("This is not your password. Check it and try again.", { selector: ".field__error" }),
    ).toBeInTheDocument();
    expect(session.getSnapshot().status).toBe("authenticated");
  });

  it("deletes the account with the password, signs out and says so on the home page", async () => {
    let body: unknown = null;
    server.use(
      http.post("/api/v1/me/deletion", async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ status: "deleting" }, { status: 202 });
      }),
    );
    const { router } = profilePage();
    const section = await screen.findByRole("region", { name: "Delete my account" });
    await userEvent.click(within(section).getByRole("checkbox", { name: /cannot be restored/ }));
    await userEvent.type(within(section).getByLabelText("Your password"), "correct horse battery");
    await userEvent.click(within(section).getByRole("button", { name: "Delete my account" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    expect(body).toEqual({ password: "correct horse battery", confirm: true });
    expect(await screen.findByText("Your account has been deleted.")).toBeInTheDocument();
    expect(session.getSnapshot().status).not.toBe("authenticated");
    expect(await screen.findByRole("link", { name: "Sign in" })).toBeInTheDocument();
  });

  it("emails a confirmation link to an account without a password", async () => {
    let body: unknown = null;
    server.use(
      http.post("/api/v1/me/deletion", async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ status: "confirmation_sent" }, { status: 202 });
      }),
    );
    profilePage({ ...resident, has_password: false });
    const section = await screen.findByRole("region", { name: "Delete my account" });
    expect(within(section).queryByLabelText("Your password")).not.toBeInTheDocument();
    await userEvent.click(within(section).getByRole("checkbox", { name: /cannot be restored/ }));
    await userEvent.click(within(section).getByRole("button", { name: "Delete my account" }));
    expect(await within(section).findByText(/We sent you an email with a link/)).toBeInTheDocument();
    expect(body).toEqual({ confirm: true });
  });
});

describe("DeleteAccountPage", () => {
  it("finishes a deletion with the emailed link's token", async () => {
    let body: unknown = null;
    server.use(
      http.post("/api/v1/auth/account-deletion", async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ status: "deleting" }, { status: 202 });
      }),
    );
    renderApp("/delete-account?token=abcdefghijklmnopqrstuvwxyz");
    await userEvent.click(await screen.findByRole("button", { name: "Delete my account" }));
    expect(await screen.findByText("Your account has been deleted.")).toBeInTheDocument();
    expect(body).toEqual({ token: "abcdefghijklmnopqrstuvwxyz" });
  });

  it("says when the link is not valid any more", async () => {
    server.use(
      http.post("/api/v1/auth/account-deletion", () => problem(400, "invalid_link", "This link is not valid.")),
    );
    renderApp("/delete-account?token=abcdefghijklmnopqrstuvwxyz");
    await userEvent.click(await screen.findByRole("button", { name: "Delete my account" }));
    expect(await screen.findByText(/This link is not valid any more/)).toBeInTheDocument();
  });
});
