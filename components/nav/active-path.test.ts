import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkState } from "./active-path";

describe("linkState", () => {
  it("marks the link of the page shown, and the tab a page lies under", () => {
    expect(linkState("/datasets/demo/runs", "/datasets/demo/runs")).toBe("page");
    expect(linkState("/datasets/demo/runs/7", "/datasets/demo/runs")).toBe("section");
    expect(linkState("/datasets/demo/runs/", "/datasets/demo/runs")).toBe("page");
    expect(linkState("/datasets/demo/pairs", "/datasets/demo/pairs?status=proposed")).toBe("page");
  });

  it("does not mark a sibling whose name starts the same", () => {
    expect(linkState("/datasets/demo/runs-old", "/datasets/demo/runs")).toBeNull();
    expect(linkState("/settings/tokens", "/settings/token")).toBeNull();
  });

  it("keeps an exact link (the overview) unmarked on the pages under it", () => {
    expect(linkState("/datasets/demo", "/datasets/demo", true)).toBe("page");
    expect(linkState("/datasets/demo/pairs", "/datasets/demo", true)).toBeNull();
    expect(linkState("/datasets/demo/pairs", "/datasets/demo")).toBe("section");
  });

  it("never treats the root as a section of everything", () => {
    expect(linkState("/datasets", "/")).toBeNull();
    expect(linkState("/", "/")).toBe("page");
  });

  it("marks at most one of a set of sibling tabs as the page", () => {
    const segment = fc.stringMatching(/^[a-z]{1,6}$/);
    fc.assert(
      fc.property(fc.uniqueArray(segment, { minLength: 1, maxLength: 8 }), fc.array(segment, { maxLength: 3 }), (tabs, rest) => {
        const pathname = ["/datasets/demo", ...rest].join("/");
        const states = tabs.map((t) => linkState(pathname, `/datasets/demo/${t}`));
        expect(states.filter((s) => s === "page").length).toBeLessThanOrEqual(1);
        expect(states.filter((s) => s !== null).length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
