import { describe, expect, it } from "vitest";
import { extractAnswer } from "./answer";
import { hashedEmbedding } from "./hashed-embedder";
import { LANGUAGE_SAMPLES } from "./language-samples.test-data";
import { mulberry32 } from "./seeded-random";
import { selectGroup } from "./select-group";
import type { Candidate, GroupInput, ScorerName } from "./types";

const LANGS = ["en", "de", "zh", "ar", "hi", "sw", "fr", "es"];

/** ~1,000-character responses made of shuffled words of real sentences of each language. */
function makeGroup(): GroupInput {
  const random = mulberry32(11);
  const candidates: Candidate[] = [];
  for (const lang of LANGS) {
    const words = (LANGUAGE_SAMPLES[lang] ?? []).join(" ").split(/(?<=\s)|(?=[\u3000-\u9fff])/u);
    for (let k = 0; k < 8; k++) {
      let text = "";
      while (text.length < 1000) text += words[Math.floor(random() * words.length)] ?? "";
      text += ` ${k % 3 === 0 ? 20 : 18}`;
      candidates.push({ id: `${lang}-${k}`, lang, sampleIndex: k, text, detectedLang: lang, answer: extractAnswer(text), vector: hashedEmbedding(text) });
    }
  }
  return { groupId: "perf", gold: null, candidates };
}

describe("performance sanity (printed, not asserted)", () => {
  const g = makeGroup();
  it.each<ScorerName>(["lexical", "embedding", "answer"])("selectGroup, 8 languages × 8 samples × ~1,000 chars, %s", (scorer) => {
    for (let i = 0; i < 30; i++) selectGroup(g, { scorer });
    const times: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      const s = selectGroup(g, { scorer });
      times.push(performance.now() - t0);
      expect(s.decisions).toHaveLength(7);
    }
    const cpu = process.cpuUsage(cpu0);
    times.sort((a, b) => a - b);
    const cpuMs = (cpu.user + cpu.system) / 1000 / times.length;
    console.log(`selectGroup ${scorer}: wall median ${times[25]?.toFixed(2)} ms, min ${times[0]?.toFixed(2)} ms; CPU ${cpuMs.toFixed(2)} ms/call`);
  });
});
