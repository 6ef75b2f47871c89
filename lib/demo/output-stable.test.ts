import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BANKS } from "./banks";
import type { Fmt, LanguageBank, TemplateId } from "./banks/types";
import { DEMO_OPTIONS } from "./demo";
import { generateGroups } from "./generate";
import type { TGenerateOptions } from "./types";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const outputHash = (o: TGenerateOptions) => sha256([...generateGroups(o)].map((g) => JSON.stringify(g)).join("\n"));

/** Every field of a bank as text: functions called with fixed probe values, so a changed word shows. */
function renderBank(bank: LanguageBank): string {
  const f: Fmt = (n) => `<${n}>`;
  const probe = new Proxy({}, { get: (_, key) => (typeof key === "string" ? key.length * 11 + 0.5 : undefined) });
  const math = Object.fromEntries(
    (Object.keys(bank.math) as TemplateId[]).map((id) => {
      const t = bank.math[id] as { prompt: (p: object, f: Fmt) => string; steps: (p: object, ans: number, f: Fmt) => string[] };
      return [id, { prompt: t.prompt(probe, f), steps: t.steps(probe, 9.25, f) }];
    }),
  );
  return JSON.stringify({ ...bank, answer: bank.answer.map((a) => a("«v»")), math });
}

const BANK_HASHES: Record<string, string> = {
  en: "c3dd27567929d082d749a633478a511a1e038b802994942abde7834751ce8eb4",
  de: "3f3b04eb5b7b5088fadcba40cc7138717dfc9551d71a54ff209f3dc83cae2ef3",
  zh: "2bcc0b932b56d5ecdbd382533aa4fe5b205eb6711bf6da2764c351266b4019d5",
  ar: "1cc91ebad97f21915893076283b84ae9ef8b8b71d77583871ba082b76fc0ab32",
  hi: "bd98f30ccc7027a7ff8fd975c721a0e5af3c7c933a761ecce48d504079a3506a",
  sw: "3fb09d719b1e68f05f041af64afb091107c456619ffce801a1cae0398d824ccb",
  fr: "22e3ef767fd101ab9eab46248a7bcd9819ae874be5e5d0a4ba5403b94c492fe7",
  es: "144d9d0b061af711053d3b06cf7059f2ac080920e29f1ecf8be8d091aedb5c71",
  ru: "f6d78d80e0bd93a8f156530ef581aa64c14a1a22f6c26da9f26c7e42b5b06a48",
  ja: "3b532dd43165d765f2867d33f4f66def7bb324583cd2542271d1fbd353736e9c",
};

// The hashes were recorded with this file on the commit before the language banks moved from
// lang-*.ts modules to JSON data (sha256 of the groups as JSON lines, and of each
// bank rendered by renderBank);
// the JSON banks must reproduce them exactly.
describe("demo output is stable", () => {
  it.each<[string, TGenerateOptions, string]>([
    ["demo", DEMO_OPTIONS, "cb67c79b382003fa55cd4a092781f58cfff67696f48dd2ed19fda84f58cf3ece"],
    [
      "bench, all banks + fallbacks",
      { seed: 7, groups: 300, languages: ["en", "de", "zh", "ar", "hi", "sw", "fr", "es", "ru", "ja", "pt", "ko", "xx"], samples: 8 },
      "cecf340107459f0c0ca681bfc9fd7a66e139aa7e7f21edc6959e215e9f8260a4",
    ],
    [
      "html + annotate",
      { seed: 42, groups: 120, languages: ["ja", "zh", "ar", "hi"], samples: [1, 6], html: true, annotate: true, mathShare: 0.7 },
      "007e92cb3c55bad66b54a5eedde0316aba8975474352cb94e524a802116bec16",
    ],
    [
      "slice",
      { seed: 3, start: 5000, groups: 80, languages: ["ru", "es", "fr", "sw"], samples: 4 },
      "489bf727060578a1cc8a964135fcf3e31fb93aebf9de1c2d40c1f89988420cc8",
    ],
  ])("%s", (_, options, hash) => {
    expect(outputHash(options)).toBe(hash);
  });

  it.each(Object.keys(BANKS))("bank %s renders the same text", (code) => {
    expect(sha256(renderBank(BANKS[code]!))).toBe(BANK_HASHES[code]);
  });
});
