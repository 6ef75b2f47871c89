import { readFileSync } from "node:fs";
import { measureLanguageShare } from "@/lib/pipeline/language-share";
import { answerText } from "@/lib/pipeline/reasoning";
const by: Record<string, string[]> = {};
for (const line of readFileSync("/work/shared/data/mgsm-real-dev.jsonl", "utf8").split("\n")) {
  if (!line) continue;
  const r = JSON.parse(line);
  for (const [lang, list] of Object.entries(r.responses) as [string, { text: string }[]][]) for (const it of list) (by[lang] ??= []).push(answerText(it.text).slice(0, 20000));
}
for (let rep = 0; rep < 2; rep++) for (const [lang, texts] of Object.entries(by)) {
  const t0 = performance.now(); for (const t of texts) measureLanguageShare(t, lang);
  const chars = texts.reduce((a, t) => a + t.length, 0) / texts.length;
  if (rep) console.log(lang, ((performance.now() - t0) / texts.length * 1000).toFixed(1), "µs", chars.toFixed(0), "chars");
}
