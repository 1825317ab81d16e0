import { describe, expect, it } from "vitest";
import { idea, inputForm } from "@/testing/ideas";
import { customPayload, editLocale, emptyValues, ideaPayload, ideaSchema, mapIdeaField, valuesFromIdea, type IdeaFormMessages } from "./ideaForm";

const messages: IdeaFormMessages = {
  required: "required",
  title: "title",
  body: "body",
  maxLength: (max) => `max ${max}`,
  plainText: "plain text only",
  lat: "lat",
  lng: "lng",
  locationRequired: "location",
  topicsRequired: "topics",
  imagesRequired: "images",
  attachmentsRequired: "attachments",
  tooManyImages: (max) => `too many ${max}`,
  number: "number",
  date: "date",
  answerRequired: (label) => `answer ${label}`,
  tickRequired: (label) => `tick ${label}`,
};

function issues(form = inputForm, values = emptyValues(inputForm)) {
  const result = ideaSchema(form, messages, (field) => field.label.en).safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("ideaSchema", () => {
  it("asks for the title, the required body and the required questions", () => {
    expect(issues()).toEqual({ title: "title", body: "body", "custom_fields.age": "answer Your age group" });
  });

  it("takes an empty paragraph from the editor as no body", () => {
    const values = { ...emptyValues(inputForm), title: "Benches", body: "<p> </p>", custom_fields: { age: "young" } };
    expect(issues(inputForm, values)).toEqual({ body: "body" });
  });

  it("refuses markup in the title and the address, as the server does", () => {
    const values = {
      ...emptyValues(inputForm),
      title: "<b>Benches</b>",
      body: "<p>B</p>",
      custom_fields: { age: "young" },
      location: { ...emptyValues(inputForm).location, address: "javascript:alert(1)" },
    };
    expect(issues(inputForm, values)).toMatchObject({ title: "plain text only", "location.address": "plain text only" });
  });

  it("refuses coordinates out of range and a half-given pin", () => {
    const base = { ...emptyValues(inputForm), title: "T", body: "<p>B</p>", custom_fields: { age: "young" } };
    expect(issues(inputForm, { ...base, location: { address: "", lat: "91", lng: "4" } })).toEqual({ "location.lat": "lat" });
    expect(issues(inputForm, { ...base, location: { address: "", lat: "50", lng: "" } })).toEqual({ "location.lng": "lng" });
    expect(issues(inputForm, { ...base, location: { address: "", lat: "50.85", lng: "-4.35" } })).toEqual({});
  });

  it("applies the form's requirements: pin, topics, images, ticked checkbox, image limit", () => {
    const strict = {
      ...inputForm,
      builtin: {
        ...inputForm.builtin,
        location: { enabled: true, required: true },
        topics: { enabled: true, required: true },
        images: { enabled: true, required: true },
      },
      custom_fields: inputForm.custom_fields.map((field) => (field.id === "neighbour" ? { ...field, required: true } : field)),
    };
    const values = { ...emptyValues(strict), title: "T", body: "<p>B</p>", custom_fields: { age: "young", neighbour: false } };
    expect(issues(strict, values)).toEqual({
      "location.address": "location",
      topic_ids: "topics",
      images: "images",
      "custom_fields.neighbour": "tick I live nearby",
    });
    const three = [1, 2, 3].map((n) => ({ key: `k${n}`, url: "", name: `${n}` }));
    expect(issues(inputForm, { ...values, images: three, custom_fields: { age: "young" } })).toEqual({ images: "too many 2" });
  });
});

describe("ideaPayload", () => {
  it("writes the texts in the viewer's language and types every answer", () => {
    const values = {
      ...emptyValues(inputForm),
      title: "  Benches ",
      body: "<p>Shade</p>",
      topic_ids: ["t-green"],
      location: { address: "", lat: "50.85", lng: "4.35" },
      images: [{ key: "img-1", url: "blob:x", name: "a.png" }],
      custom_fields: { age: "young", urgency: "4", neighbour: false },
    };
    expect(ideaPayload(inputForm, values, "fr")).toEqual({
      title: { fr: "Benches" },
      body: { fr: "<p>Shade</p>" },
      topic_ids: ["t-green"],
      location: { lat: 50.85, lng: 4.35, address: null },
      image_keys: ["img-1"],
      attachment_keys: [],
      custom_fields: { age: "young", urgency: 4, neighbour: false },
    });
  });

  it("keeps the other languages of an idea being edited", () => {
    const translated = { ...idea, title: { en: "More benches", fr: "Plus de bancs" } };
    const values = valuesFromIdea(translated, inputForm, "en");
    expect(values.title).toBe("More benches");
    expect(values.custom_fields).toEqual({ age: "older", urgency: "4", neighbour: true });
    const body = ideaPayload(inputForm, { ...values, title: "Many benches" }, "en", translated);
    expect(body.title).toEqual({ en: "Many benches", fr: "Plus de bancs" });
    expect(body.image_keys).toEqual(["uploads/alpha/idea_image/a.png"]);
  });

  it("sends a typed address without a pin, and a pin without an address", () => {
    const base = { ...emptyValues(inputForm), title: "T" };
    const addressOnly = { ...base, location: { address: "  Market Square 3 ", lat: "", lng: "" } };
    expect(ideaPayload(inputForm, addressOnly, "en")).toHaveProperty("location", { lat: null, lng: null, address: "Market Square 3" });
    const pinOnly = { ...base, location: { address: " ", lat: "50.85", lng: "4.35" } };
    expect(ideaPayload(inputForm, pinOnly, "en")).toHaveProperty("location", { lat: 50.85, lng: 4.35, address: null });
  });

  it("takes an address-only location as meeting a required location", () => {
    const strict = { ...inputForm, builtin: { ...inputForm.builtin, location: { enabled: true, required: true } } };
    const values = { ...emptyValues(strict), title: "T", body: "<p>B</p>", custom_fields: { age: "young" } };
    expect(issues(strict, values)).toEqual({ "location.address": "location" });
    expect(issues(strict, { ...values, location: { address: "Station Road", lat: "", lng: "" } })).toEqual({});
  });

  it("keeps the address of an edited idea without a pin, and removes the pin alone", () => {
    const addressed = { ...idea, location: { lat: null, lng: null, address: "Town hall" } };
    const values = valuesFromIdea(addressed, inputForm, "en");
    expect(values.location).toEqual({ address: "Town hall", lat: "", lng: "" });
    const pinned = { ...idea, location: { lat: 50.85, lng: 4.35, address: "Town hall" } };
    const unpinned = { ...valuesFromIdea(pinned, inputForm, "en"), location: { address: "Town hall", lat: "", lng: "" } };
    expect(ideaPayload(inputForm, unpinned, "en", pinned)).toHaveProperty("location", { lat: null, lng: null, address: "Town hall" });
  });

  it("removes the pin of an edited idea when the resident took it away", () => {
    const located = { ...idea, location: { lat: 50.85, lng: 4.35, address: null } };
    const values = valuesFromIdea(located, inputForm, "en");
    const cleared = { ...values, location: { address: "", lat: "", lng: "" } };
    expect(ideaPayload(inputForm, cleared, "en", located)).toHaveProperty("location", null);
    expect(ideaPayload(inputForm, cleared, "en")).not.toHaveProperty("location");
  });

  it("leaves out empty answers and unused built-in fields", () => {
    const bare = { ...inputForm, builtin: { ...inputForm.builtin, images: { enabled: false, required: false } } };
    const values = { ...emptyValues(bare), title: "T", custom_fields: { age: "", urgency: "", neighbour: true } };
    expect(customPayload(bare, values)).toEqual({ neighbour: true });
    expect(ideaPayload(bare, values, "en")).not.toHaveProperty("image_keys");
  });
});

describe("editLocale and mapIdeaField", () => {
  it("edits in the viewer's language when the idea has it, else in the idea's own", () => {
    expect(editLocale({ ...idea, title: { fr: "Bancs" } }, "en")).toBe("fr");
    expect(editLocale(idea, "en")).toBe("en");
  });

  it("places the API's field errors on the form's fields", () => {
    expect(mapIdeaField("title.en", inputForm)).toBe("title");
    expect(mapIdeaField("location", inputForm)).toBe("location.address");
    expect(mapIdeaField("location.lat", inputForm)).toBe("location.lat");
    expect(mapIdeaField("location.lng", inputForm)).toBe("location.lng");
    expect(mapIdeaField("image_keys.0", inputForm)).toBe("images");
    expect(mapIdeaField("custom_fields.age", inputForm)).toBe("custom_fields.age");
    expect(mapIdeaField("custom_fields.gone", inputForm)).toBeNull();
    expect(mapIdeaField("phase_id", inputForm)).toBeNull();
  });
});
