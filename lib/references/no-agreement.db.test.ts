import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGroupView } from "@/lib/groups/queries";
import { decidePair } from "@/lib/pairs/decide";
import { getPairDetail } from "@/lib/pairs/detail";
import { listPairs } from "@/lib/pairs/queries";
import { selectedDataset } from "@/lib/testing/select-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { pickReference } from "./pick-reference";
import { effectiveReference } from "@/lib/effective-pair/group-reference";
import { undoCorrection } from "./undo-correction";

// English says 18 twice (samples 0, 1) and 16 once (sample 2), so the run's reference answers 18.
// German answers 16 and 20: nothing supports either under the 18 reference, the 16 one under a 16 reference.
// French and Spanish have an 18 answer (paired under the run) and no 16 answer (unsupported after the correction).
// Italian has an on-target 18 and an English (off-target) 12: a language-guard pair under the run, no_agreement after.
const GROUPS = [
  {
    id: "q1",
    gold: "18",
    prompts: {
      it: "Tom ha 3 sacchetti da 6 mele. Quante mele?",
      en: "Tom has 3 bags of 6 apples. How many apples?",
      de: "Tom hat 3 Tüten mit je 6 Äpfeln. Wie viele?",
      es: "Tom tiene 3 bolsas de 6 manzanas. ¿Cuántas manzanas?",
      fr: "Tom a 3 sacs de 6 pommes. Combien de pommes ?",
    },
    responses: {
      en: [
        "Three bags of six apples make 18 apples in total. Answer: 18",
        "He has 3 times 6, which is 18 apples. Answer: 18",
        "He eats two of them, so 16 apples are left. Answer: 16",
      ],
      de: [
        "Er isst zwei davon, also bleiben 16 Äpfel übrig. Antwort: 16",
        "Drei Tüten mit sechs Äpfeln sind zusammen 20 Äpfel. Antwort: 20",
      ],
      es: [
        "Tres bolsas de seis manzanas son 18 manzanas en total. Respuesta: 18",
        "Tres bolsas más seis manzanas son 12 manzanas. Respuesta: 12",
      ],
      fr: ["Trois sacs de six pommes font 18 pommes au total. Réponse : 18", "Trois sacs plus six pommes font 12 pommes. Réponse : 12"],
      it: [
        "Tre sacchetti con sei mele ciascuno fanno in tutto 18 mele. Risposta: 18",
        "Three bags plus six apples make twelve apples in all. Answer: 12",
      ],
    },
  },
];

type Row = { chosen: number | null; rejected: number | null; status: string; origin: string; skipReason: string | null; conflict: boolean };

let t: TestDatabase;
let datasetId: number;
let groupId: number;
let id: (g: string, l: string, s: number) => number;

async function pairsNow(): Promise<Record<string, Row & { id: number; version: number }>> {
  const { rows } = await t.db.pool.query<Row & { id: number; version: number; language: string }>(
    `SELECT id, version, language, chosen_id AS chosen, rejected_id AS rejected, status::text, origin::text, skip_reason AS "skipReason", conflict
     FROM pairs WHERE dataset_id = $1 AND group_id = $2`,
    [datasetId, groupId],
  );
  return Object.fromEntries(rows.map(({ language, ...r }) => [language, r]));
}

const auto = (chosen: number | null, rejected: number | null, skipReason: string | null = null): Row => ({
  chosen,
  rejected,
  status: skipReason === null ? "proposed" : "skipped",
  origin: "auto",
  skipReason,
  conflict: false,
});

beforeAll(async () => {
  t = await createTestDatabase();
  ({ datasetId, id, groupId } = await selectedDataset(t.db, "agree", GROUPS));
}, 120_000);
afterAll(async () => t.drop());

describe("no pair where the reference supports neither response", () => {
  it("the run skips German as no_agreement, naming the reference answer and the answers seen", async () => {
    expect([id("q1", "en", 0), id("q1", "en", 1)]).toContain((await effectiveReference(t.db.pool, datasetId, groupId)).responseId);
    const now = await pairsNow();
    expect(now.de).toMatchObject(auto(null, null, "no_agreement"));
    expect(now.es).toMatchObject(auto(id("q1", "es", 0), id("q1", "es", 1)));
    const proposal = await t.db.prisma.runProposal.findFirstOrThrow({ where: { groupId, language: "de" } });
    expect(proposal).toMatchObject({
      skipReason: "no_agreement",
      skipDetail: "reference answer 18; answers seen: 16 (1), 20 (1)",
      basis: null,
    });
    const es = await t.db.prisma.runProposal.findFirstOrThrow({ where: { groupId, language: "es" } });
    expect(es).toMatchObject({ skipReason: null, skipDetail: null, basis: "score" });
    const view = await getGroupView(t.db, datasetId, groupId);
    expect(view.pairs.de).toMatchObject({
      skipReason: "no_agreement",
      skipDetail: "reference answer 18; answers seen: 16 (1), 20 (1)",
      basis: null,
    });
    expect(view.pairs.es).toMatchObject({ skipReason: null, skipDetail: null, basis: "score" });
  });

  it("a language-guard pair carries its basis to the group page, the pairs table (and REST) and the review card", async () => {
    const it_ = (await pairsNow()).it!;
    expect(it_).toMatchObject(auto(id("q1", "it", 0), id("q1", "it", 1)));
    expect((await getGroupView(t.db, datasetId, groupId)).pairs.it).toMatchObject({ basis: "language_guard", skipReason: null });
    const page = await listPairs(t.db, datasetId, { lang: "it", flags: [], sort: "id", dir: "asc", after: null, size: 10 });
    expect(page.rows.map((r) => [r.language, r.basis, r.skipDetail])).toEqual([["it", "language_guard", null]]);
    const detail = await getPairDetail(t.db, datasetId, it_.id);
    expect(detail.pair).toMatchObject({ basis: "language_guard", scorer: "answer", proposedSkipReason: null });
  });

  it("a correction to the English sample answering 16 makes the German pair appear and unsupported auto pairs skips; a human pair is kept and flagged with the reason", async () => {
    const fr = (await pairsNow()).fr!;
    expect(fr).toMatchObject(auto(id("q1", "fr", 0), id("q1", "fr", 1)));
    await decidePair(t.db, datasetId, { pairId: fr.id, expectedVersion: fr.version, decision: { action: "accept" } });

    const record = await pickReference(t.db, datasetId, { groupId, responseId: id("q1", "en", 2), reason: "16 are left" });
    const now = await pairsNow();
    expect(now.de).toMatchObject(auto(id("q1", "de", 0), id("q1", "de", 1)));
    expect(now.es).toMatchObject(auto(null, null, "no_agreement"));
    expect(now.fr).toMatchObject({
      chosen: id("q1", "fr", 0),
      rejected: id("q1", "fr", 1),
      status: "accepted",
      origin: "human",
      skipReason: null,
      conflict: true,
    });
    expect(now.fr!.version).toBe(fr.version + 2);
    expect(record.changes.find((c) => c.language === "es")?.after).toMatchObject({ skipReason: "no_agreement", chosenId: null });
    const change = (lang: string) => record.changes.find((c) => c.language === lang);
    expect(change("fr")?.after).toMatchObject({ origin: "human", conflict: true, basis: null, proposedSkipReason: "no_agreement" });
    expect([change("it")?.before?.basis, change("it")?.after.proposedSkipReason]).toEqual(["language_guard", "no_agreement"]);
    expect([change("de")?.before?.basis, change("de")?.after.basis, change("es")?.before?.basis]).toEqual([null, "score", "score"]);

    const stored = await t.db.prisma.referenceProposal.findMany({
      where: { correctionId: record.correctionId },
      orderBy: { language: "asc" },
    });
    expect(stored.map((p) => [p.language, p.skipReason, p.skipDetail, p.basis])).toEqual([
      ["de", null, null, "score"],
      ["es", "no_agreement", "reference answer 16; answers seen: 12 (1), 18 (1)", null],
      ["fr", "no_agreement", "reference answer 16; answers seen: 12 (1), 18 (1)", null],
      ["it", "no_agreement", "reference answer 16; answers seen: 18 (1); off-target: 12 (1)", null],
    ]);
    expect(now.it).toMatchObject(auto(null, null, "no_agreement"));
    const page = await listPairs(t.db, datasetId, { flags: ["conflict"], sort: "id", dir: "asc", after: null, size: 10 });
    expect(page.rows.map((r) => [r.language, r.proposedSkipReason, r.proposedSkipDetail])).toEqual([
      ["fr", "no_agreement", "reference answer 16; answers seen: 12 (1), 18 (1)"],
    ]);
    const view = await getGroupView(t.db, datasetId, groupId);
    expect(view.pairs.es).toMatchObject({ skipReason: "no_agreement", skipDetail: "reference answer 16; answers seen: 12 (1), 18 (1)" });
    expect(view.pairs.fr).toMatchObject({
      status: "accepted",
      conflict: true,
      skipReason: null,
      skipDetail: null,
      basis: null,
      proposedSkipReason: "no_agreement",
      proposedSkipDetail: "reference answer 16; answers seen: 12 (1), 18 (1)",
    });
    expect(view.pairs.de).toMatchObject({ basis: "score", proposedSkipReason: null });
  });

  it("undoing the correction restores the run's proposals (German skipped again, with the run's detail)", async () => {
    const current = await effectiveReference(t.db.pool, datasetId, groupId);
    await undoCorrection(t.db, datasetId, { groupId, correctionId: current.correction!.id, reason: null });
    const now = await pairsNow();
    expect(now.de).toMatchObject(auto(null, null, "no_agreement"));
    expect(now.es).toMatchObject(auto(id("q1", "es", 0), id("q1", "es", 1)));
    expect(now.fr).toMatchObject({ status: "accepted", origin: "human", conflict: false });
    const view = await getGroupView(t.db, datasetId, groupId);
    expect(view.pairs.de?.skipDetail).toBe("reference answer 18; answers seen: 16 (1), 20 (1)");
  });
});
