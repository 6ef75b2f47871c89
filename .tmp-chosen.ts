import pg from "pg";
import { scriptLetters, scriptOfLanguage, scriptSlot } from "@/lib/pipeline/script";
import { answerText } from "@/lib/pipeline/reasoning";
import { withoutMarkup } from "@/lib/pipeline/language";
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const { rows } = await pool.query(`SELECT p.language, c.text, c.target_share, c.language_mix FROM pairs p JOIN responses c ON c.id = p.chosen_id`);
const stats: Record<string, { n: number; bad: number; minShare: number }> = {};
for (const r of rows) {
  const a = withoutMarkup(answerText(r.text));
  const { counts, total } = scriptLetters(a);
  const own = total === 0 ? 1 : counts[scriptSlot(scriptOfLanguage(r.language))]! / total;
  const s = (stats[r.language] ??= { n: 0, bad: 0, minShare: 1 });
  s.n++; if (own < 0.5) s.bad++; s.minShare = Math.min(s.minShare, own);
}
console.log(stats);
await pool.end();
