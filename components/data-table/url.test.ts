import { describe, expect, it } from "vitest";
import { withParams, withoutEmpty } from "./url";

describe("withParams", () => {
  it("sets and removes keys, and drops the empty parameters a GET form left", () => {
    const current = new URLSearchParams("lang=de&status=&origin=&minMargin=&flags=&q=&sort=margin");
    expect(withParams(current, { dir: "desc", after: undefined })).toBe("?lang=de&sort=margin&dir=desc");
    expect(withParams(current, { lang: "" })).toBe("?sort=margin");
    expect(withParams(new URLSearchParams("a=&b="), {})).toBe("?");
  });

  it("keeps repeated non-empty values in order", () => {
    expect(withoutEmpty(new URLSearchParams("flags=conflict&flags=&flags=mixed")).toString()).toBe("flags=conflict&flags=mixed");
  });
});
