import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/testing/render";
import { FileList } from "./FileList";

describe("FileList", () => {
  it("lists each file as a download with its size under a titled section", () => {
    renderWithProviders(
      <FileList id="files" title="Files" files={[{ key: "k1", name: "plan.pdf", size: 20480, url: "https://x/plan.pdf" }]} />,
    );
    expect(screen.getByRole("region", { name: "Files" })).toBeInTheDocument();
    const link = screen.getByRole("link", { name: "plan.pdf" });
    expect(link).toHaveAttribute("download", "plan.pdf");
    expect(screen.getByText(/20 KB/)).toBeInTheDocument();
  });

  it("renders nothing without files", () => {
    const { container } = renderWithProviders(<FileList id="files" title="Files" files={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
