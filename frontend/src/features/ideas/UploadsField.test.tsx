import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { problem } from "@/testing/handlers";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { AttachmentsField, ImagesField } from "./UploadsField";

afterEach(() => window.localStorage.clear());

// The accept attribute is only a hint: "All files" in the file picker sends anything.
const anyFile = { applyAccept: false };

function refuseTicket(field: string, code: string, message: string) {
  server.use(
    http.post("/api/v1/uploads", () =>
      problem(422, "validation_failed", "Some fields need your attention.", [{ field, code, message }]),
    ),
  );
}

describe("UploadsField", () => {
  it("says why the server refused a file type, in the viewer's language", async () => {
    // GIVEN a German resident and a server that refuses GIF images
    window.localStorage.setItem("townhall.locale", "de");
    refuseTicket("content_type", "unsupported_file_type", "This type of file cannot be uploaded here. Allowed: image/png");
    const onChange = vi.fn();
    renderWithProviders(<ImagesField value={[]} onChange={onChange} max={3} required={false} />);
    // WHEN they choose a GIF
    const input = await screen.findByLabelText("Bilder hinzufügen");
    await userEvent.setup(anyFile).upload(input, new File(["gif"], "dance.gif", { type: "image/gif" }));
    // THEN the field says so in German (not the generic "Some fields need your attention.")
    expect(await screen.findByText(/Dieser Dateityp kann hier nicht hochgeladen werden/)).toBeInTheDocument();
    // (the file input is a fresh element after each choice, so it is found again)
    expect(screen.getByLabelText("Bilder hinzufügen")).toHaveAttribute("aria-invalid", "true");
    expect(onChange).not.toHaveBeenCalled();
  });

  it("says a file is too large, with the limit the ticket named", async () => {
    server.use(
      http.post("/api/v1/uploads", () =>
        HttpResponse.json({ key: "k", url: "http://localhost:3000/_storage", fields: {}, max_bytes: 2 * 1024 * 1024, expires_at: "2030-01-01T00:00:00Z" }, { status: 201 }),
      ),
    );
    renderWithProviders(<AttachmentsField value={[]} onChange={vi.fn()} required={false} />);
    const big = new File([new Uint8Array(3 * 1024 * 1024)], "plan.pdf", { type: "application/pdf" });
    await userEvent.upload(await screen.findByLabelText("Add files"), big);
    expect(await screen.findByText("The file is too large: choose one of 2 MB or less.")).toBeInTheDocument();
  });

  it("translates a size the server refused before any upload, and keeps unknown codes' words", async () => {
    refuseTicket("size", "file_too_large", "The file is too large; the limit is 25 MB.");
    renderWithProviders(<AttachmentsField value={[]} onChange={vi.fn()} required={false} />);
    const input = await screen.findByLabelText("Add files");
    await userEvent.upload(input, new File(["x"], "plan.pdf", { type: "application/pdf" }));
    expect(await screen.findByText("This file is too large to be uploaded here.")).toBeInTheDocument();

    refuseTicket("file", "quarantined", "This file is held for a virus scan.");
    await userEvent.upload(screen.getByLabelText("Add files"), new File(["x"], "plan.pdf", { type: "application/pdf" }));
    expect(await screen.findByText("This file is held for a virus scan.")).toBeInTheDocument();
  });
});
