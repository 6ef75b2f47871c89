import { describe, expect, it } from "vitest";
import { recordJson, sortedKeysJson } from "./json-text";
import { codeBlock } from "./markdown";
import { toYaml, yamlScalar } from "./yaml";

describe("recordJson", () => {
  it("escapes U+2028/U+2029 so no line reader splits a record, and parses back unchanged", () => {
    const record = { text: 'a\u2028b\u2029c\n</script>\\"' };
    const json = recordJson(record);
    expect(json).not.toMatch(/[\u2028\u2029\n]/);
    expect(JSON.parse(json)).toEqual(record);
  });
});

describe("sortedKeysJson", () => {
  it("does not depend on key insertion order", () => {
    expect(sortedKeysJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 2 } })).toBe(sortedKeysJson({ a: { c: 2, d: [{ y: 2, z: 1 }] }, b: 1 }));
  });
});

describe("yaml", () => {
  it("quotes scalars a YAML reader would retype or misparse", () => {
    expect(yamlScalar("de")).toBe("de");
    expect(yamlScalar("data/de/train-00000-of-00001.parquet")).toBe("data/de/train-00000-of-00001.parquet");
    for (const tricky of ["no", "Yes", "off", "null", "1e3", "a: b", "#x", "", "- x", "zh Hant"]) {
      expect(yamlScalar(tricky)).toBe(JSON.stringify(tricky));
    }
  });

  it("writes block mappings and sequences of mappings", () => {
    expect(toYaml({ a: ["x", "no"], b: [{ c: 1, d: [{ e: true }] }], f: [] })).toBe(
      'a:\n  - x\n  - "no"\nb:\n  - c: 1\n    d:\n      - e: true\nf: []\n',
    );
  });
});

describe("codeBlock", () => {
  it("uses a fence longer than any backtick run inside", () => {
    expect(codeBlock("a ```` b", "json")).toBe("`````json\na ```` b\n`````");
  });
});
