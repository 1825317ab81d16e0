import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/testing/render";
import { ProposalProgress } from "./ProposalProgress";

describe("ProposalProgress", () => {
  it("names the bar with the count and says the days left while collecting", () => {
    // GIVEN a proposal with 37 of 100 signatures whose last day is in ten days (today included)
    renderWithProviders(
      <ProposalProgress
        progress={{ signatures: 37, threshold: 100, deadline: "2027-03-12", state: "collecting" }}
        day="2027-03-03"
      />,
    );
    // THEN the bar is named by the count and the days left are said
    const bar = screen.getByRole("progressbar", { name: "37 of 100 signatures" });
    expect(bar).toHaveAttribute("value", "37");
    expect(bar).toHaveAttribute("max", "100");
    expect(screen.getByText("10 days left to sign")).toBeInTheDocument();
  });

  it("says the last day is today", () => {
    renderWithProviders(
      <ProposalProgress progress={{ signatures: 2, threshold: 10, deadline: "2027-03-12", state: "collecting" }} day="2027-03-12" />,
    );
    expect(screen.getByText("Last day to sign")).toBeInTheDocument();
  });

  it("says a proposal reached its goal, with a full bar even past the threshold", () => {
    renderWithProviders(
      <ProposalProgress progress={{ signatures: 120, threshold: 100, deadline: "2027-03-12", state: "reached" }} day="2027-03-03" />,
    );
    const bar = screen.getByRole("progressbar", { name: "120 of 100 signatures" });
    expect(bar).toHaveAttribute("value", "100");
    expect(screen.getByText("Reached its goal")).toBeInTheDocument();
    expect(screen.queryByText(/left to sign/)).not.toBeInTheDocument();
  });

  it("says an expired proposal closed short of its goal, and until when it collected", () => {
    renderWithProviders(
      <ProposalProgress
        progress={{ signatures: 12, threshold: 100, deadline: "2027-03-12", state: "expired" }}
        day="2027-04-01"
        detailed
      />,
    );
    expect(screen.getByRole("progressbar", { name: "12 of 100 signatures" })).toBeInTheDocument();
    expect(screen.getByText("Closed: did not reach its goal")).toBeInTheDocument();
    expect(screen.getByText("Signatures were collected until March 12, 2027.")).toBeInTheDocument();
  });
});
