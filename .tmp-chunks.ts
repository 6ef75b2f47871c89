import { readFileSync } from "node:fs";
import { cld2Detect } from "@/lib/pipeline/cld2";
import { withoutMarkup } from "@/lib/pipeline/language";
for (const line of readFileSync("/work/shared/data/mgsm-real-dev.jsonl", "utf8").split("\n")) {
  if (!line) continue;
  const r = JSON.parse(line);
  for (const it of r.responses.fr ?? []) {
    if (!it.text.startsWith("Si Lily s'est fait 50") && !it.text.startsWith("Pour résoudre ce problème, nous allons suivre ces étapes :\n\n1) D'abord, calculez le nombre total d'appart")) continue;
    const p = withoutMarkup(it.text); const b = Buffer.from(p);
    const res = cld2Detect(p);
    console.log(res.languages, res.reliable);
    for (const c of res.chunks ?? []) console.log(c.code, JSON.stringify(b.toString("utf8", c.offset, c.offset + c.bytes)));
  }
}
