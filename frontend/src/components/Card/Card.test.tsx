import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { Card } from "./Card";

describe("Card", () => {
  it("makes its heading the link and keeps the image decorative", () => {
    // GIVEN / WHEN a card with an image
    const { container } = render(
      <MemoryRouter>
        <Card to="/projects/park" title="A new park" imageUrl="/park.png">
          <p>Open</p>
        </Card>
      </MemoryRouter>,
    );
    // THEN the heading names the link, and the image is not announced twice
    expect(screen.getByRole("heading", { level: 3, name: "A new park" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "A new park" })).toHaveAttribute("href", "/projects/park");
    expect(container.querySelector("img")).toHaveAttribute("alt", "");
  });
});
