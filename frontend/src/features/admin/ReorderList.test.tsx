import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { IntlProvider } from "react-intl";
import { describe, expect, it, vi } from "vitest";
import en from "@/locales/en.json";
import { ReorderList } from "./ReorderList";

const items = [
  { id: "a", name: "Alpha" },
  { id: "b", name: "Beta" },
  { id: "c", name: "Gamma" },
];

function renderList(onReorder: (ids: string[]) => Promise<void>) {
  render(
    <IntlProvider locale="en" messages={en}>
      <ReorderList items={items} label={(item) => item.name} onReorder={onReorder} renderItem={(item) => item.name} />
    </IntlProvider>,
  );
}

const names = () => screen.getAllByRole("listitem").map((item) => item.textContent?.split("Move")[0]);

describe("ReorderList", () => {
  it("moves an item with the keyboard, keeps focus on it and saves the order", async () => {
    // GIVEN three items
    const onReorder = vi.fn(async () => undefined);
    renderList(onReorder);
    // WHEN Beta is moved up with the keyboard
    screen.getByRole("button", { name: "Move Beta up" }).focus();
    await userEvent.keyboard("{Enter}");
    // THEN the order is saved, announced, and focus follows Beta
    expect(onReorder).toHaveBeenCalledWith(["b", "a", "c"]);
    expect(names()).toEqual(["Beta", "Alpha", "Gamma"]);
    expect(screen.getByRole("status")).toHaveTextContent("Beta moved to position 1 of 3.");
    expect(screen.getByRole("button", { name: "Move Beta down" })).toHaveFocus();
  });

  it("puts the old order back when saving fails", async () => {
    renderList(async () => {
      throw new Error("offline");
    });
    await userEvent.click(screen.getByRole("button", { name: "Move Alpha down" }));
    await waitFor(() => expect(names()).toEqual(["Alpha", "Beta", "Gamma"]));
    expect(screen.getByRole("alert")).toHaveTextContent("could not be saved");
  });
});
