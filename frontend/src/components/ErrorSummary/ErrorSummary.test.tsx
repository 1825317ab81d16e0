import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { IntlProvider } from "react-intl";
import { describe, expect, it } from "vitest";
import en from "@/locales/en.json";
import { ErrorSummary } from "./ErrorSummary";

function renderSummary(focusSignal: number) {
  return render(
    <IntlProvider locale="en" messages={en}>
      <input id="field-email" aria-label="Email" />
      <ErrorSummary
        focusSignal={focusSignal}
        items={[
          { fieldId: "field-email", message: "Enter an email address." },
          { fieldId: null, message: "Wrong email or password." },
        ]}
      />
    </IntlProvider>,
  );
}

describe("ErrorSummary", () => {
  it("takes focus when a submit has failed", () => {
    // GIVEN / WHEN a failed submit (the signal changed)
    renderSummary(1);
    // THEN the summary is focused and announced
    const summary = screen.getByRole("alert");
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent("There is a problem");
  });

  it("does not steal focus before any submit", () => {
    renderSummary(0);
    expect(screen.getByRole("alert")).not.toHaveFocus();
  });

  it("links each field error to its field", async () => {
    // GIVEN a summary listing a field error
    renderSummary(1);
    // WHEN the person follows the link
    await userEvent.click(screen.getByRole("link", { name: "Enter an email address." }));
    // THEN the field has focus; errors without a field are plain text
    expect(screen.getByLabelText("Email")).toHaveFocus();
    expect(screen.getByText("Wrong email or password.").tagName).toBe("LI");
  });
});
