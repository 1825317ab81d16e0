import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { resident } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { server } from "@/testing/server";
import type { RegistrationField } from "./types";

const field = (overrides: Partial<RegistrationField>): RegistrationField => ({
  id: "gender",
  builtin: true,
  type: "single_choice",
  label: { en: "Gender" },
  help: null,
  purpose: { en: "To report participation by gender." },
  required: true,
  enabled: true,
  options: [
    { id: "female", label: { en: "Woman" } },
    { id: "male", label: { en: "Man" } },
  ],
  scale_min: null,
  scale_max: null,
  min_label: null,
  max_label: null,
  ...overrides,
});

describe("sign-up with registration questions", () => {
  it("asks the platform's questions, required ones first, and sends the answers", async () => {
    // GIVEN a platform requiring gender and asking the year of birth
    const sent: unknown[] = [];
    server.use(
      http.get("/api/v1/registration", () =>
        HttpResponse.json({
          fields: [field({}), field({ id: "birthyear", type: "number", label: { en: "Year of birth" }, required: false, options: [] })],
        }),
      ),
      http.post("/api/v1/auth/sign-up", async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json({ ...resident, email_confirmed: false }, { status: 201 });
      }),
    );
    renderApp("/sign-up");
    // WHEN a visitor fills in the account but not the required question
    await userEvent.type(await screen.findByRole("textbox", { name: "First name" }), "Ada");
    await userEvent.type(screen.getByRole("textbox", { name: "Last name" }), "Lovelace");
    await userEvent.type(screen.getByRole("textbox", { name: "Email address" }), "ada@example.org");
    await userEvent.type(screen.getByLabelText("Password"), "correct horse battery");
    const gender = screen.getByRole("combobox", { name: "Gender" });
    expect(gender).toHaveAccessibleDescription("Why we ask: To report participation by gender.");
    await userEvent.type(screen.getByRole("textbox", { name: "Year of birth (optional)" }), "1990");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    // THEN the question is required
    expect(await screen.findByRole("link", { name: "Please answer “Gender”." })).toBeInTheDocument();
    // WHEN they answer it, THEN the answers go with the account
    await userEvent.selectOptions(gender, "female");
    await userEvent.click(screen.getByRole("button", { name: "Create account" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ email: "ada@example.org", answers: { gender: "female", birthyear: 1990 } });
  });
});
