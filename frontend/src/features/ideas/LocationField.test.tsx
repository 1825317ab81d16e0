import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useForm } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/testing/render";
import { emptyValues, type IdeaFormValues } from "./ideaForm";
import { inputForm } from "@/testing/ideas";
import { LocationField } from "./LocationField";

function Harness() {
  const form = useForm<IdeaFormValues>({ defaultValues: emptyValues(inputForm) });
  return <LocationField form={form} required={false} />;
}

describe("LocationField", () => {
  it("puts a pin on the map from typed coordinates, and removes it", async () => {
    // GIVEN the location field with its map
    const { container } = renderWithProviders(<Harness />);
    expect(await screen.findByRole("region", { name: "Map to place your idea" })).toBeInTheDocument();
    // WHEN a keyboard user types the coordinates
    await userEvent.type(screen.getByRole("textbox", { name: "Latitude" }), "50.85");
    await userEvent.type(screen.getByRole("textbox", { name: "Longitude" }), "4.35");
    // THEN the map shows the pin, named for assistive technology
    await waitFor(() => expect(container.querySelector('.idea-pin[aria-label="Your idea’s pin"]')).not.toBeNull());
    // AND removing the pin clears both coordinates and the marker
    await userEvent.click(screen.getByRole("button", { name: "Remove pin" }));
    expect(screen.getByRole("textbox", { name: "Latitude" })).toHaveValue("");
    expect(screen.getByRole("textbox", { name: "Longitude" })).toHaveValue("");
    await waitFor(() => expect(container.querySelector(".idea-pin")).toBeNull());
  });
});
