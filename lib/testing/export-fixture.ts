import type { Database } from "@/lib/db/client";
import { createDataset, responseIds } from "@/lib/testing/fixtures";

/**
 * Test support: a small dataset whose pairs cover every export filter. Texts carry quotes,
 * newlines, emoji, right-to-left script and code. Pairs (run 1 unless noted; margin in brackets):
 *   q1: ar accepted/human [0.5], de proposed [0.6], zh rejected, en (pivot) proposed [0.2]
 *   q2: de proposed+flagged [0.1], ar skipped, zh accepted/human+conflict [0.4]; reference corrected to en#1
 *   q3: de proposed [0.3], zh proposed [0.7]; a reference pick that was undone (back to en#0)
 *   q1 also has a pick of en#1 made before run 1 finished, so run 1's reference (en#0) stands
 *   q4: de accepted/human [0.8] from run 2 (scorer lexical); no ar/zh prompt
 */
export const FIXTURE_TEXT = {
  q1: {
    prompts: {
      en: 'How many legs does a "spider" have?',
      de: "Wie viele Beine hat eine Spinne?\nKurz bitte.",
      ar: "كم عدد أرجل العنكبوت؟",
      zh: "蜘蛛有几条腿？",
    },
    responses: {
      en: ["A spider has 8 legs. 🕷", "Six legs."],
      de: ['Acht Beine. "Genau" 🕷', "Sechs Beine."],
      ar: ["للعنكبوت ثماني أرجل (٨).", "للعنكبوت ست أرجل."],
      zh: ["蜘蛛有八条腿。", "六条腿。"],
    },
  },
  q2: {
    prompts: {
      en: "Write `add(a, b)` in Python.",
      de: "Schreibe `add(a, b)` in Python.",
      ar: "اكتب الدالة add بلغة بايثون.",
      zh: "用 Python 写 add(a, b)。",
    },
    responses: {
      en: ["def add(a, b):\n    return a - b", "```python\ndef add(a, b):\n    return a + b\n```"],
      de: ["```python\ndef add(a, b):\n    return a + b  # Summe\n```", "Keine Ahnung."],
      ar: ["لا أعرف.", "لا أعرف أبداً."],
      zh: ["```python\ndef add(a, b):\n    return a + b\n```\n这就是答案。", "不知道。"],
    },
  },
  q3: {
    prompts: { en: "Name a primary colour.", de: "Nenne eine Grundfarbe.", ar: "اذكر لوناً أساسياً.", zh: "说出一种原色。" },
    responses: { en: ["Red.", "Blue is one\tof them."], de: ["Rot.", "Grün."], ar: ["أحمر.", "أخضر."], zh: ["红色。", "绿色。"] },
  },
  q4: {
    prompts: { en: "What is 2 + 2?", de: "Was ist 2 + 2?" },
    responses: { en: ["4", "5"], de: ["Vier.", "Fünf."] },
  },
} as const;

type GroupName = keyof typeof FIXTURE_TEXT;

export type ExportFixture = {
  datasetId: number;
  groupId: Record<GroupName, number>;
  pairId: (group: GroupName, lang: string) => number;
  response: (group: GroupName, lang: string, sample: number) => number;
};

export async function buildExportFixture(db: Database, slug = "exp"): Promise<ExportFixture> {
  const groups = Object.entries(FIXTURE_TEXT).map(([id, g]) => ({
    id,
    prompts: { ...g.prompts },
    responses: Object.fromEntries(Object.entries(g.responses).map(([lang, texts]) => [lang, [...texts]])),
  }));
  const datasetId = await createDataset(db, slug, groups);
  const response = await responseIds(db, datasetId);
  const { rows: groupRows } = await db.pool.query<{ id: number; external_id: GroupName }>(
    `SELECT id, external_id FROM prompt_groups WHERE dataset_id = $1`,
    [datasetId],
  );
  const groupId = Object.fromEntries(groupRows.map((r) => [r.external_id, r.id])) as Record<GroupName, number>;
  const run = async (scorer: string) =>
    (
      await db.pool.query<{ id: number }>(
        `INSERT INTO pipeline_runs (dataset_id, kind, status, config) VALUES ($1, 'select', 'succeeded', $2) RETURNING id`,
        [datasetId, { scorer, reference: "consistency", pairs: "consistency", margin: 0 }],
      )
    ).rows[0]!.id;
  const run1 = await run("answer");
  const run2 = await run("lexical");
  for (const [g, runId, scorer] of [
    ["q1", run1, "answer"],
    ["q2", run1, "answer"],
    ["q3", run1, "embedding"],
    ["q4", run2, "lexical"],
  ] as const) {
    await db.pool.query(
      `INSERT INTO run_references (run_id, group_id, dataset_id, response_id, cons, scorer) VALUES ($1, $2, $3, $4, 0.9, $5)`,
      [runId, groupId[g], datasetId, response(g, "en", 0), scorer],
    );
  }
  type PairSpec = [GroupName, string, string, "auto" | "human", number | null, { flagged?: boolean; conflict?: boolean; runId?: number }?];
  const specs: PairSpec[] = [
    ["q1", "ar", "accepted", "human", 0.5],
    ["q1", "de", "proposed", "auto", 0.6],
    ["q1", "zh", "rejected", "human", 0.9],
    ["q1", "en", "proposed", "auto", 0.2],
    ["q2", "de", "proposed", "auto", 0.1, { flagged: true }],
    ["q2", "ar", "skipped", "auto", null],
    ["q2", "zh", "accepted", "human", 0.4, { conflict: true }],
    ["q3", "de", "proposed", "auto", 0.3],
    ["q3", "zh", "proposed", "auto", 0.7],
    ["q4", "de", "accepted", "human", 0.8, { runId: run2 }],
  ];
  for (const [g, lang, status, origin, margin, extra] of specs) {
    const skipped = margin === null;
    await db.pool.query(
      `INSERT INTO pairs (dataset_id, group_id, language, chosen_id, rejected_id, score_chosen, score_rejected, margin, status, origin,
                          run_id, flagged, conflict, skip_reason)
       VALUES ($1, $2, $3, $4, $5, $6, 0.1, $7, $8::"PairStatus", $9::"PairOrigin", $10, $11, $12, $13)`,
      [
        datasetId,
        groupId[g],
        lang,
        skipped ? null : response(g, lang, 0),
        skipped ? null : response(g, lang, 1),
        skipped ? null : margin! + 0.1,
        margin,
        status,
        origin,
        extra?.runId ?? run1,
        extra?.flagged ?? false,
        extra?.conflict ?? false,
        skipped ? "no_candidates" : null,
      ],
    );
  }
  await db.pool.query(
    `INSERT INTO reference_corrections (dataset_id, group_id, kind, previous_response_id, response_id) VALUES ($1, $2, 'pick', $3, $4)`,
    [datasetId, groupId.q2, response("q2", "en", 0), response("q2", "en", 1)],
  );
  const undone = await db.pool.query<{ id: number }>(
    `INSERT INTO reference_corrections (dataset_id, group_id, kind, previous_response_id, response_id) VALUES ($1, $2, 'pick', $3, $4) RETURNING id`,
    [datasetId, groupId.q3, response("q3", "en", 0), response("q3", "en", 1)],
  );
  await db.pool.query(
    `INSERT INTO reference_corrections (dataset_id, group_id, kind, previous_response_id, response_id, undoes_id) VALUES ($1, $2, 'undo', $3, $4, $5)`,
    [datasetId, groupId.q3, response("q3", "en", 1), response("q3", "en", 0), undone.rows[0]!.id],
  );
  // Run 1 finished after this pick, so it recomputed q1 from its own reference: the pick no longer counts.
  await db.pool.query(`UPDATE pipeline_runs SET finished_at = '2020-01-01' WHERE id = $1`, [run1]);
  await db.pool.query(
    `INSERT INTO reference_corrections (dataset_id, group_id, kind, previous_response_id, response_id, created_at) VALUES ($1, $2, 'pick', $3, $4, '2019-01-01')`,
    [datasetId, groupId.q1, response("q1", "en", 0), response("q1", "en", 1)],
  );
  const { rows: pairRows } = await db.pool.query<{ id: number; group_id: number; language: string }>(
    `SELECT id, group_id, language FROM pairs WHERE dataset_id = $1`,
    [datasetId],
  );
  const pairId = (g: GroupName, lang: string) => pairRows.find((p) => p.group_id === groupId[g] && p.language === lang)!.id;
  return { datasetId, groupId, pairId, response };
}
