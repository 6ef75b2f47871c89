import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonical, formatNumber } from "./numbers";
import { finalAnswer } from "@/lib/testing/demo";

describe("formatNumber", () => {
  it.each([
    [1250, { digits: "latin", dec: ".", group: "," }, "1,250"],
    [1250.5, { digits: "latin", dec: ",", group: "." }, "1.250,5"],
    [12.25, { digits: "latin", dec: ",", group: "" }, "12,25"],
    [18, { digits: "arabic", dec: "٫", group: "٬" }, "١٨"],
    [1250.5, { digits: "arabic", dec: "٫", group: "٬" }, "١٬٢٥٠٫٥"],
    [18, { digits: "devanagari", dec: ".", group: "," }, "१८"],
    [2024, { digits: "fullwidth", dec: ".", group: "" }, "２０２４"],
    [1234567, { digits: "latin", dec: ",", group: "\u202f" }, "1\u202f234\u202f567"],
  ] as const)("%s → %s", (n, style, expected) => {
    expect(formatNumber(n, style)).toBe(expected);
  });

  it("round-trips through an independent reader in every convention", () => {
    const styles = [
      { digits: "latin", dec: ".", group: "," },
      { digits: "latin", dec: ",", group: "." },
      { digits: "latin", dec: ",", group: "\u00a0" },
      { digits: "arabic", dec: "٫", group: "٬" },
      { digits: "devanagari", dec: ".", group: "" },
      { digits: "fullwidth", dec: ".", group: "," },
    ] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(...styles), (cents, style) => {
        const n = cents / 100;
        expect(finalAnswer(`Answer: ${formatNumber(n, style)}`)).toBe(Number(canonical(n)));
      }),
    );
  });
});
