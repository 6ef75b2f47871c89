import { closeDatabase, getDatabase } from "@/lib/db/client";
import { countPairs, listPairs } from "@/lib/pairs/queries";
import { parsePairTableParams } from "@/lib/pairs/table";
const db = await getDatabase();
let s = 17;
const rand = (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
const ms: number[] = [];
const msList: number[] = [];
for (let i = 0; i < 60; i++) {
  const t = parsePairTableParams({ q: `g${rand(1_000_000)}`, sort: "margin", size: "50" });
  const t0 = performance.now();
  await Promise.all([listPairs(db, 1, t).then(() => msList.push(performance.now() - t0)), countPairs(db, 1, t, 10_000)]);
  ms.push(performance.now() - t0);
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil(p * xs.length) - 1]!.toFixed(1);
console.log(`search p50 ${q(ms, 0.5)} p95 ${q(ms, 0.95)}; list alone p50 ${q(msList, 0.5)} p95 ${q(msList, 0.95)}`);
await closeDatabase();
