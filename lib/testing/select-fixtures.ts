import type { Database } from "@/lib/db/client";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { createDataset, responseIds, type FixtureGroup } from "./fixtures";

// Hand-checked math groups for the select-run tests and the tests built on a run's pairs.

/** Two math groups in en, de and ar whose answers decide every pair, so a select run's result is known by hand. */
export const TWO_MATH_GROUPS: FixtureGroup[] = [
  {
    id: "q1",
    gold: "18",
    prompts: {
      en: "Tom has 3 bags of 6 apples. How many apples?",
      de: "Tom hat 3 Tüten mit je 6 Äpfeln. Wie viele Äpfel?",
      ar: "لدى توم ٣ أكياس في كل منها ٦ تفاحات. كم تفاحة لديه؟",
    },
    responses: {
      en: ["3 bags times 6 apples is 18. Answer: 18", "He has 3 + 6 = 9 apples. Answer: 9", "Three bags of six make 18 apples. Answer: 18"],
      de: ["3 mal 6 ist 20. Antwort: 20", "3 mal 6 ergibt 18 Äpfel. Antwort: 18"],
      ar: ["ثلاثة أكياس في ستة تفاحات تساوي ١٨ تفاحة. الإجابة: ١٨", "الإجابة: ١٢"],
    },
  },
  {
    id: "q2",
    gold: "7",
    prompts: { en: "What is 10 minus 3?", de: "Was ist 10 minus 3?", ar: "ما هو ١٠ ناقص ٣؟" },
    responses: {
      en: ["10 - 3 = 7. Answer: 7", "Ten minus three is seven, so the answer is 7", "Answer: 13"],
      de: ["10 minus 3 ist 7. Antwort: 7", "Antwort: 13"],
      ar: ["الإجابة: ٧", "الإجابة: ٧"], // one text twice: two samples with equal scores, no pair
    },
  },
];

/**
 * One group where English agrees on 18 (samples 0 and 2) and sample 1 says 9; every language has an
 * 18 and a 9 answer, so moving the reference from 18 to 9 moves the chosen response in every language.
 */
export const EIGHTEEN_OR_NINE: FixtureGroup[] = [
  {
    id: "q1",
    gold: "18",
    prompts: {
      en: "Tom has 3 bags of 6 apples. How many apples?",
      de: "Tom hat 3 Tüten mit je 6 Äpfeln. Wie viele?",
      ar: "لدى توم ٣ أكياس في كل منها ٦ تفاحات. كم تفاحة؟",
    },
    responses: {
      en: ["3 bags times 6 apples is 18. Answer: 18", "He has 3 + 6 = 9 apples. Answer: 9", "Three bags of six make 18 apples. Answer: 18"],
      de: ["3 mal 6 ist 20. Antwort: 20", "3 mal 6 ergibt 18 Äpfel. Antwort: 18", "3 plus 6 ergibt 9 Äpfel. Antwort: 9"],
      ar: ["ثلاثة أكياس في ستة تفاحات تساوي ١٨ تفاحة. الإجابة: ١٨", "الإجابة: ١٢", "ثلاثة زائد ستة تساوي ٩. الإجابة: ٩"],
    },
  },
];

export type SelectedDataset = {
  datasetId: number;
  /** Response id by (group external id, language, sample index). */
  id: (group: string, lang: string, sample: number) => number;
  /** The id of the dataset's first group. */
  groupId: number;
  runId: number;
};

/** A dataset of `groups` and the lookup of its response ids. */
export async function datasetWithIds(
  db: Database,
  slug: string,
  groups: FixtureGroup[],
): Promise<Pick<SelectedDataset, "datasetId" | "id">> {
  const datasetId = await createDataset(db, slug, groups);
  return { datasetId, id: await responseIds(db, datasetId) };
}

/** A dataset of `groups` after one select run with the answer scorer (which must succeed). */
export async function selectedDataset(db: Database, slug: string, groups: FixtureGroup[]): Promise<SelectedDataset> {
  const { datasetId, id } = await datasetWithIds(db, slug, groups);
  const groupId = (await db.prisma.promptGroup.findFirstOrThrow({ where: { datasetId }, orderBy: { id: "asc" } })).id;
  const { runId } = await createSelectRun(db, datasetId, { scorer: "answer" });
  const status = await executeSelectRun(db, runId);
  if (status !== "succeeded") throw new Error(`select run ${runId} of the fixture "${slug}" ended ${status}`);
  return { datasetId, id, groupId, runId };
}
