import { describe, expect, it } from "vitest";

import { validateNested } from "./nested";

const base = { id: "q1", prompts: { en: "Q?", zh: "问？" }, responses: { en: ["a"], zh: ["甲"] } };

function problems(value: unknown, pivot = "en") {
  const result = validateNested(value, 12, pivot);
  return Array.isArray(result) ? result.map((issue) => [issue.field, issue.message]) : [];
}

describe("nested record validation messages", () => {
  it("accepts the base record", () => {
    expect(problems(base)).toEqual([]);
  });

  it.each([
    ["a non-object line", [1, 2], [[null, "expected a JSON object, got array"]]],
    [
      "missing id and prompts",
      {},
      [
        ["id", "required field is missing"],
        ["prompts", "required field is missing"],
      ],
    ],
    ["an empty id", { ...base, id: "  " }, [["id", "must not be empty"]]],
    ["a fractional id", { ...base, id: 1.5 }, [["id", "expected a string or an integer, got number 1.5"]]],
    ["gold as an object", { ...base, gold: {} }, [["gold", "expected a string or a number, got object"]]],
    ["prompts as a list", { ...base, prompts: ["Q?"] }, [["prompts", "expected an object, got array"]]],
    ["an empty prompt", { ...base, prompts: { en: "" } }, [["prompts.en", "must not be empty"]]],
    [
      "a numeric prompt",
      { ...base, prompts: { en: 3 } },
      [["prompts.en", 'expected a string or an object with a "text" field, got number']],
    ],
    [
      "an unknown prompt field",
      { ...base, prompts: { en: { text: "Q", source: "mt" } } },
      [["prompts.en.source", 'unknown field (a prompt object takes only "text" and "machine_translated")']],
    ],
    ["responses not in a list", { ...base, responses: { en: "a" } }, [["responses.en", "expected an array, got string"]]],
    [
      "a numeric response",
      { ...base, responses: { zh: ["x", "y", 5] } },
      [["responses.zh[2]", 'expected a string or an object with a "text" field, got number']],
    ],
    [
      "a response text of the wrong type",
      { ...base, responses: { zh: ["x", "y", { text: 5 }] } },
      [["responses.zh[2].text", "expected a string, got number"]],
    ],
    [
      "a response object without text",
      { ...base, responses: { en: [{ model: "m" }] } },
      [["responses.en[0].text", "required field is missing"]],
    ],
    [
      "a negative sample",
      { ...base, responses: { en: [{ text: "a", sample: -1 }] } },
      [["responses.en[0].sample", "expected a non-negative integer, got -1"]],
    ],
    [
      "a text sample",
      { ...base, responses: { en: [{ text: "a", sample: "2" }] } },
      [["responses.en[0].sample", 'expected a non-negative integer, got "2"']],
    ],
    ["meta as a string", { ...base, meta: "x" }, [["meta", "expected an object, got string"]]],
  ])("reports %s", (_name, value, expected) => {
    expect(problems(value)).toEqual(expected);
  });

  it("rejects invalid language codes, suggesting a fix when there is one", () => {
    expect(problems({ ...base, prompts: { en: "Q", zh_CN: "问", "en us": "Q" }, responses: {} })).toEqual([
      ["prompts.zh_CN", '"zh_CN" is not a valid BCP-47 language code (did you mean "zh-CN"?)'],
      ['prompts["en us"]', '"en us" is not a valid BCP-47 language code'],
    ]);
    expect(problems({ ...base, responses: { "12": ["x"] } })).toEqual([['responses["12"]', '"12" is not a valid BCP-47 language code']]);
  });

  it("rejects the same language twice once case is normalised", () => {
    expect(problems({ ...base, prompts: { en: "Q", "zh-cn": "问", "ZH-CN": "问" }, responses: {} })).toEqual([
      ["prompts.ZH-CN", 'language "zh-CN" is given twice (also as "zh-cn")'],
    ]);
  });

  it("requires a prompt in the pivot language", () => {
    expect(problems({ ...base, prompts: { zh: "问" }, responses: {} })).toEqual([["prompts.en", 'the pivot language "en" has no prompt']]);
    expect(problems(base, "de")).toEqual([["prompts.de", 'the pivot language "de" has no prompt']]);
  });

  it("rejects responses in a language that has no prompt", () => {
    expect(problems({ ...base, responses: { de: ["x"] } })).toEqual([["responses.de", 'responses in "de" but no prompt in that language']]);
  });

  it("rejects duplicate sample indexes within a language, explicit or by position", () => {
    const responses = { en: ["a", { text: "b", sample: 0 }, "c", { text: "d", sample: 2 }] };
    expect(problems({ ...base, responses })).toEqual([
      ["responses.en[1].sample", "sample index 0 is already used by responses.en[0]"],
      ["responses.en[3].sample", "sample index 2 is already used by responses.en[2]"],
    ]);
  });

  it("keeps unknown top-level fields in meta but never overwrites meta", () => {
    const result = validateNested({ ...base, source: "x", meta: { split: "train" } }, 1, "en");
    expect(Array.isArray(result) ? result : result.meta).toEqual({ split: "train", source: "x" });
    expect(problems({ ...base, split: "test", meta: { split: "train" } })).toEqual([
      ["split", 'unknown top-level field "split" clashes with meta.split'],
    ]);
  });

  it("treats a __proto__ key as plain data", () => {
    const value = JSON.parse('{"id":"q","prompts":{"en":"Q"},"responses":{"en":[{"text":"a","__proto__":{"polluted":1}}]}}');
    const result = validateNested(value, 1, "en");
    if (Array.isArray(result)) throw new Error("expected a group");
    const params = result.responses[0]?.params ?? {};
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.keys(params)).toEqual(["__proto__"]);
  });
});
