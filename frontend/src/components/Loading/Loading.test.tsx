import { render, screen } from "@testing-library/react";
import { IntlProvider } from "react-intl";
import { describe, expect, it } from "vitest";
import { ApiProblem } from "@/lib/api/problem";
import en from "@/locales/en.json";
import { LoadError, Loading } from "./Loading";

const inEnglish = (ui: React.ReactNode) => render(<IntlProvider locale="en" messages={en}>{ui}</IntlProvider>);

describe("Loading and LoadError", () => {
  it("announces loading politely", () => {
    inEnglish(<Loading />);
    expect(screen.getByRole("status")).toHaveTextContent("Loading…");
  });

  it("says 'not found' for a 404 (drafts are 404 to residents)", () => {
    inEnglish(<LoadError error={new ApiProblem(404, { code: "not_found", detail: "Nope" })} />);
    expect(screen.getByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  });

  it("alerts for any other failure", () => {
    inEnglish(<LoadError error={new TypeError("fetch failed")} />);
    expect(screen.getByRole("alert")).toHaveTextContent("could not be loaded");
  });
});
