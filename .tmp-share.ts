import { readFileSync } from "node:fs";
import { measureLanguageShare, describeMix } from "@/lib/pipeline/language-share";
import { answerText } from "@/lib/pipeline/reasoning";
import { detectLanguage } from "@/lib/pipeline/language";
const hist: Record<string, number[]> = {};
const mids: string[] = [];
let t = 0, td = 0, chars = 0, n = 0;
const want = process.argv[2];
for (const line of readFileSync("/work/shared/data/mgsm-real-dev.jsonl", "utf8").split("\n")) {
  if (!line) continue;
  const r = JSON.parse(line);
  for (const [lang, list] of Object.entries(r.responses) as [string, { text: string; model: string }[]][]) {
    for (const it of list) {
      const a = answerText(it.text).slice(0, 20000);
      let t0 = performance.now();
      const s = measureLanguageShare(a, lang);
      t += performance.now() - t0; chars += a.length; n++;
      t0 = performance.now();
      const det = detectLanguage(a, lang);
      td += performance.now() - t0;
      hist[lang] ??= new Array(11).fill(0);
      const bucket = s === null ? 10 : Math.min(9, Math.floor(s.target * 10));
      hist[lang][bucket]++;
      if (s !== null && s.target >= 0.3 && s.target < 0.8 && (!want || want === lang) && mids.length < 40 && Math.random() < 0.5) mids.push(`${lang} det=${det} ${describeMix(s.parts)} :: ${JSON.stringify(a.slice(0, 160))} ... ${JSON.stringify(a.slice(-120))}`);
    }
  }
}
console.log(`${n} responses, share ${(t / n * 1000).toFixed(1)} µs, detect ${(td / n * 1000).toFixed(1)} µs`);
for (const [l, h] of Object.entries(hist)) console.log(l.padEnd(3), h.join(" "));
console.log(mids.join("\n"));
