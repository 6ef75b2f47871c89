import { readFileSync } from "node:fs";
import { cld2Detect } from "@/lib/pipeline/cld2";
import { textForDetection } from "@/lib/pipeline/language";
import { answerText } from "@/lib/pipeline/reasoning";
const texts: string[] = [];
for (const line of readFileSync("/work/shared/data/mgsm-real-dev.jsonl", "utf8").split("\n")) {
  if (!line) continue;
  const r = JSON.parse(line);
  for (const list of Object.values(r.responses) as { text: string }[][]) for (const it of list) texts.push(answerText(it.text).slice(0, 20000));
}
const chars = texts.reduce((a, t) => a + t.length, 0);
let t0 = performance.now(); const clean = texts.map(textForDetection); const tc = performance.now() - t0;
t0 = performance.now(); for (const c of clean) cld2Detect(c); const td = performance.now() - t0;
t0 = performance.now(); for (const c of clean) c.match(/\p{L}/gu); const tl = performance.now() - t0;
console.log({ n: texts.length, avgChars: chars / texts.length, cleanUs: tc / texts.length * 1000, cldUs: td / texts.length * 1000, lettersUs: tl / texts.length * 1000 });
