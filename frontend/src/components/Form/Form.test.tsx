import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { problem } from "@/testing/handlers";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";

describe("Form (through the sign-up page)", () => {
  it("focuses the error summary and marks fields when client validation fails", async () => {
    // GIVEN the sign-up form
    renderApp("/sign-up");
    await screen.findByRole("heading", { name: "Create an account", level: 1 });
    // WHEN it is submitted empty
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    // THEN the summary takes focus and every field says what is wrong
    const summary = await screen.findByRole("alert");
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText("First name")).toHaveAccessibleDescription("Enter a value.");
    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true");
  });

  it("puts problem+json field errors on their fields", async () => {
    // GIVEN an API that rejects the email address
    server.use(
      http.post("/api/v1/auth/sign-up", () =>
        problem(409, "email_taken", "An account already uses this email address.", [
          { field: "email", code: "email_taken", message: "An account already uses this email address." },
        ]),
      ),
    );
    renderApp("/sign-up");
    await userEvent.type(await screen.findByLabelText("First name"), "Ada");
    await userEvent.type(screen.getByLabelText("Last name"), "Lovelace");
    await userEvent.type(screen.getByLabelText("Email address"), "ada@example.org");
    await userEvent.type(screen.getByLabelText("Password"), "correct horse battery");
    // WHEN the form is sent
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    // THEN the catalog's message for the code sits next to the email field and in the focused summary
    const message =
      "An account with this email address already exists. Sign in, or reset your password if you forgot it.";
    await waitFor(() => expect(screen.getByLabelText("Email address")).toHaveAccessibleDescription(message));
    expect(screen.getByRole("alert")).toHaveFocus();
    expect(screen.getByRole("link", { name: message })).toHaveAttribute("href", "#field-email");
  });

  it("shows the problem in the summary when it names no field", async () => {
    // GIVEN an API that refuses the credentials as a whole
    server.use(http.post("/api/v1/auth/sign-in", () => problem(401, "invalid_credentials", "Wrong email or password.")));
    renderApp("/sign-in");
    await userEvent.type(await screen.findByLabelText("Email address"), "ada@example.org");
    await userEvent.type(screen.getByLabelText("Password"), "wrong");
    // WHEN signing in
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    // THEN the summary says it, in the catalog's words for the code
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The email address or password is not right. Check them and try again.",
    );
  });

  it("keeps the server's detail for a code the catalogs do not know", async () => {
    // GIVEN an API that refuses with a code no catalog has a message for (a newer server's)
    server.use(http.post("/api/v1/auth/sign-in", () => problem(403, "not_yet_known", "Ask the city to open access.")));
    renderApp("/sign-in");
    await userEvent.type(await screen.findByLabelText("Email address"), "ada@example.org");
    await userEvent.type(screen.getByLabelText("Password"), "wrong");
    // WHEN signing in
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    // THEN the summary shows the server's own words
    expect(await screen.findByRole("alert")).toHaveTextContent("Ask the city to open access.");
  });

  it("says a known problem code in the viewer's language instead of the server's English", async () => {
    // GIVEN a French visitor and an API that refuses with a code the catalogs know
    window.localStorage.setItem("townhall.locale", "fr");
    server.use(
      http.post("/api/v1/auth/sign-in", () => problem(409, "concurrent_change", "Someone else changed this.")),
    );
    renderApp("/sign-in");
    await userEvent.type(await screen.findByLabelText("Adresse e-mail"), "ada@example.org");
    await userEvent.type(screen.getByLabelText("Mot de passe"), "wrong");
    // WHEN the form is sent
    await userEvent.click(screen.getByRole("button", { name: "Se connecter" }));
    // THEN the summary says it in French
    expect(await screen.findByRole("alert")).toHaveTextContent("Quelqu’un a modifié cela en même temps.");
    window.localStorage.clear();
  });
});
