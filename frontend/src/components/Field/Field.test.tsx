import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CheckboxField, SelectField, TextField } from "./Field";

describe("Field", () => {
  it("labels the input and describes it with its hint and error", () => {
    // GIVEN / WHEN a field with a hint and an error
    render(<TextField name="title.en" label="Title" hint="Short is best." error="Enter a title." />);
    // THEN the id comes from the name, and both texts describe the input
    const input = screen.getByLabelText("Title");
    expect(input).toHaveAttribute("id", "field-title-en");
    expect(input).toHaveAttribute("name", "title.en");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("Short is best. Enter a title.");
  });

  it("is neither invalid nor described when there is nothing to say", () => {
    render(<TextField name="email" label="Email" />);
    const input = screen.getByLabelText("Email");
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(input).not.toHaveAttribute("aria-describedby");
  });

  it("labels selects and checkboxes the same way", () => {
    render(
      <>
        <SelectField name="locale" label="Language">
          <option value="en">English</option>
        </SelectField>
        <CheckboxField name="remove_logo" label="Remove the logo" />
      </>,
    );
    expect(screen.getByRole("combobox", { name: "Language" })).toHaveAttribute("id", "field-locale");
    expect(screen.getByRole("checkbox", { name: "Remove the logo" })).toHaveAttribute("name", "remove_logo");
  });
});
