import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

const ORIGIN = "https://studio.example";

/** Where a browser on ORIGIN lands when it follows `href`. */
const landing = (href: string) => new URL(href, `${ORIGIN}/login`);

describe("safeNextPath", () => {
  it.each([
    ["/datasets/demo/review?tab=de#p3", "/datasets/demo/review?tab=de#p3"],
    [null, "/datasets"],
    [undefined, "/datasets"],
    ["", "/datasets"],
    ["datasets", "/datasets"],
    ["https://evil.example/", "/datasets"],
    ["//evil.example", "/datasets"],
    ["/\\evil.example", "/datasets"],
    // Browsers drop tabs and newlines in URLs and read `\` as `/`.
    ["/\t/evil.example/x", "/datasets"],
    ["/\n/evil.example", "/datasets"],
    ["/\r\n/evil.example", "/datasets"],
    ["\\/evil.example", "/datasets"],
    ["/\\\\evil.example", "/datasets"],
    ["/./\\evil.example", "/datasets"],
    ["/.//evil.example", "/datasets"],
    ["/x/..//evil.example", "/datasets"],
    // An encoded slash stays a path segment on this site.
    ["/%2F/evil.example", "/%2F/evil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/datasets\r\nSet-Cookie: x=1", "/datasetsSet-Cookie:%20x=1"],
  ])("%j → %j", (next, expected) => expect(safeNextPath(next)).toBe(expected));

  it("the reported case: /login?next=/%09/evil.example/x stays on the site", () => {
    const next = new URL(`${ORIGIN}/login?next=/%09/evil.example/x`).searchParams.get("next");
    expect(landing(safeNextPath(next)).origin).toBe(ORIGIN);
  });

  it("always answers one path on this origin, free of control characters, that maps to itself", () => {
    const tricky = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      ".",
      "..",
      "%2F",
      "%5C",
      "%09",
      ":",
      "@",
      "?",
      "#",
      "evil.example",
      "http:",
      "a",
      " ",
    );
    const input = fc.oneof(
      fc.string(),
      fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join("")),
      fc.webUrl(),
      fc.webPath(),
    );
    fc.assert(
      fc.property(input, (next) => {
        const out = safeNextPath(next);
        expect(out).toMatch(/^\/(?![/\\])/);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(landing(out).origin).toBe(ORIGIN);
        expect(safeNextPath(out)).toBe(out);
      }),
      { numRuns: 2000 },
    );
    // 2,000 runs take 3–4 s on a loaded 2-core machine, close to the default 5 s timeout.
  }, 30_000);
});
