import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { highlightParts } from "./match-snippet";

describe("highlightParts", () => {
  it("marks every case-insensitive occurrence and keeps the text's own casing", () => {
    expect(highlightParts("Äpfel und äpfel, ÄPFEL", "äpfel")).toEqual([
      { text: "Äpfel", hit: true },
      { text: " und ", hit: false },
      { text: "äpfel", hit: true },
      { text: ", ", hit: false },
      { text: "ÄPFEL", hit: true },
    ]);
    expect(highlightParts("<b>x</b>", "b>")).toEqual([
      { text: "<", hit: false },
      { text: "b>", hit: true },
      { text: "x</", hit: false },
      { text: "b>", hit: true },
    ]);
    expect(highlightParts("nothing here", "zz")).toEqual([{ text: "nothing here", hit: false }]);
  });

  it("loses no character and marks only the term", () => {
    const ascii = fc.string({ unit: fc.constantFrom("a", "A", "b", " ", "<") });
    fc.assert(
      fc.property(ascii, ascii, (text, term) => {
        const parts = highlightParts(text, term);
        expect(parts.map((p) => p.text).join("")).toBe(text);
        for (const p of parts) if (p.hit) expect(p.text.toLowerCase()).toBe(term.toLowerCase());
      }),
    );
  });
});
