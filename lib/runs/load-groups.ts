import { queryTrusted, sql, type Queryable } from "@/lib/db/sql";
import { bytesToFloat32, type Candidate, type GroupInput, type ResponseDefect } from "@/lib/pipeline";

type Row = {
  group_id: number;
  gold: string | null;
  id: number;
  language: string;
  sample_index: number;
  text: string;
  detected_language: string | null;
  extracted_answer: string | null;
  target_share: number | null;
  defect: string | null;
  vector: Buffer | null;
};

/** The pipeline's input for every group of one chunk, with stored vectors of `embeddingModel`. */
export async function loadGroupInputs(
  db: Queryable,
  datasetId: number,
  range: { fromGroupId: number; toGroupId: number },
  pivot: string,
  embeddingModel: string | null,
): Promise<GroupInput[]> {
  const rows = await queryTrusted<Row>(
    db,
    sql`SELECT g.id AS group_id, g.gold, r.id, r.language, r.sample_index, r.text, r.detected_language,
               r.extracted_answer, r.target_share, r.defect, e.vector
        FROM prompt_groups g
        JOIN responses r ON r.group_id = g.id
        LEFT JOIN embeddings e ON ${embeddingModel}::text IS NOT NULL AND e.dataset_id = r.dataset_id
                              AND e.model = ${embeddingModel}::text AND e.content_hash = r.content_hash
        WHERE g.dataset_id = ${datasetId} AND g.id BETWEEN ${range.fromGroupId} AND ${range.toGroupId}
        ORDER BY g.id, r.language, r.sample_index, r.id`,
  );
  const groups = new Map<number, { gold: string | null; candidates: Candidate[] }>();
  for (const r of rows) {
    let g = groups.get(r.group_id);
    if (!g) groups.set(r.group_id, (g = { gold: r.gold, candidates: [] }));
    g.candidates.push({
      id: String(r.id),
      lang: r.language,
      sampleIndex: r.sample_index,
      text: r.text,
      detectedLang: r.detected_language,
      answer: r.extracted_answer,
      vector: r.vector ? bytesToFloat32(r.vector) : null,
      targetShare: r.target_share,
      defect: r.defect as ResponseDefect | null,
    });
  }
  return [...groups].map(([id, g]) => ({ groupId: String(id), pivot, gold: g.gold, candidates: g.candidates }));
}

/** One group's pipeline input (a correction recomputes it), read inside the caller's transaction. */
export async function loadGroupInput(
  db: Queryable,
  datasetId: number,
  groupId: number,
  pivot: string,
  embeddingModel: string | null,
): Promise<GroupInput> {
  const [group] = await loadGroupInputs(db, datasetId, { fromGroupId: groupId, toGroupId: groupId }, pivot, embeddingModel);
  return group ?? { groupId: String(groupId), pivot, gold: null, candidates: [] };
}
