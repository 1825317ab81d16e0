import { describe, expect, it, vi } from "vitest";
import { clearDraft, loadDraft, saveDraft } from "./drafts";
import { pinPopup } from "./popup";
import { randomSeed } from "./seed";
import { mailtoLink, shareTargets } from "./share";

describe("drafts", () => {
  it("keeps one draft per phase and per idea, and forgets it when cleared", () => {
    saveDraft({ phaseId: "ph-1" }, { title: "New" });
    saveDraft({ ideaId: "i-1" }, { title: "Edit" });
    expect(loadDraft<{ title: string }>({ phaseId: "ph-1" })?.values.title).toBe("New");
    expect(loadDraft<{ title: string }>({ ideaId: "i-1" })?.values.title).toBe("Edit");
    clearDraft({ phaseId: "ph-1" });
    expect(loadDraft({ phaseId: "ph-1" })).toBeNull();
  });

  it("ignores a damaged draft", () => {
    window.localStorage.setItem("townhall.ideas.draft.phase.ph-2", "{not json");
    expect(loadDraft({ phaseId: "ph-2" })).toBeNull();
  });
});

describe("randomSeed", () => {
  it("is made once and then kept", () => {
    const first = randomSeed();
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(randomSeed()).toBe(first);
  });
});

describe("share links", () => {
  it("encodes the address and title into each network's share URL", () => {
    const targets = Object.fromEntries(shareTargets("https://a.example/ideas/1?x=1", "Bänke & mehr").map((t) => [t.id, t.href]));
    expect(targets.x).toBe("https://twitter.com/intent/tweet?url=https%3A%2F%2Fa.example%2Fideas%2F1%3Fx%3D1&text=B%C3%A4nke%20%26%20mehr");
    expect(targets.facebook).toBe("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fa.example%2Fideas%2F1%3Fx%3D1");
    expect(targets.linkedin).toMatch(/^https:\/\/www\.linkedin\.com\/sharing\/share-offsite\/\?url=https%3A/);
    expect(mailtoLink("https://a.example/i", "Title", "Look")).toBe("mailto:?subject=Title&body=Look%0A%0Ahttps%3A%2F%2Fa.example%2Fi");
  });
});

describe("pinPopup", () => {
  it("links to the idea with its title as text only, navigating inside the app", () => {
    const navigate = vi.fn();
    const popup = pinPopup({ id: "i-1", title: "<img src=x onerror=alert(1)>" }, navigate);
    const link = popup.querySelector("a") as HTMLAnchorElement;
    expect(link.textContent).toBe("<img src=x onerror=alert(1)>");
    expect(popup.querySelector("img")).toBeNull();
    expect(link.getAttribute("href")).toBe("/ideas/i-1");
    link.click();
    expect(navigate).toHaveBeenCalledWith("/ideas/i-1");
  });
});
