import { describe, expect, it } from "vitest";
import de from "./de.json";
import { loadBank } from "./load-bank";

const f = (n: number) => `[${n}]`;
const withChange = (change: (bank: typeof de) => void) => {
  const copy = structuredClone(de);
  change(copy);
  return copy;
};

describe("loadBank", () => {
  it("turns templates into functions: {v}, parameters, {ans} and numbers are filled", () => {
    const bank = loadBank("de", de);
    expect(bank.answer.map((a) => a("42"))).toEqual(["Antwort: 42", "Die Antwort lautet 42.", "Ergebnis: 42"]);
    const p = { price: 80, pct: 25, off: 20 };
    expect(bank.math.percent.prompt(p, f)).toBe(
      "Eine Jacke kostet [80] Euro. Das Geschäft gewährt [25] % Rabatt. Wie hoch ist der reduzierte Preis in Euro?",
    );
    expect(bank.math.percent.steps(p, 60, f)).toEqual([
      "Der Rabatt beträgt [25] % von [80]: [80] · [25] / [100] = [20] Euro.",
      "Reduzierter Preis: [80] − [20] = [60] Euro.",
    ]);
  });

  it.each([
    [
      "an unknown placeholder",
      (b: typeof de) => void (b.math.ages.steps[0] = "{age} · {father2}"),
      /lib\/demo\/banks\/de\.json: math\.ages\.steps\.0: unknown placeholder \{father2\}/,
    ],
    [
      "{ans} in a prompt",
      (b: typeof de) => void (b.math.area.prompt = "= {ans}"),
      /de\.json: math\.area\.prompt: unknown placeholder \{ans\}/,
    ],
    ["an answer without {v}", (b: typeof de) => void (b.answer[1] = "Antwort"), /de\.json: answer\.1: missing placeholder \{v\}/],
    ["an unmatched brace", (b: typeof de) => void (b.answer[0] = "{v} }"), /de\.json: answer\.0: unmatched \{ or \}/],
    ["a missing field", (b: typeof de) => void Reflect.deleteProperty(b, "refusal"), /de\.json: refusal: /],
    ["a missing general task", (b: typeof de) => void Reflect.deleteProperty(b.general, "sky"), /de\.json: general\.sky: /],
    ["an unknown field", (b: typeof de) => void Object.assign(b, { extra: 1 }), /de\.json: bank: unknown field\(s\) extra/],
    [
      "a wrong digit set",
      (b: typeof de) => void Object.assign(b.numbers, { native: { digits: "roman", dec: ",", group: ".", rate: 0.5 } }),
      /de\.json: numbers\.native\.digits: /,
    ],
  ])("rejects %s, naming the file and field", (_, change, message) => {
    expect(() => loadBank("de", withChange(change))).toThrow(message);
  });

  it("rejects a bank stored under another language's file name", () => {
    expect(() => loadBank("fr", de)).toThrow('Bad language bank lib/demo/banks/fr.json: code: expected "fr", got "de"');
  });
});
