import type { PoolClient } from "pg";
import { bytesToFloat32, type GroupInput, type ResponseDefect } from "@/lib/pipeline";

type Row = {
  gold: string | null; id: number; language: string; sample_index: number; text: string;
  detected_language: string | null; extracted_answer: string | null; vector: Buffer | null;
  target_share: number | null; defect: string | null;
};

/** One group's pipeline input (as lib/runs/load-groups.ts builds it), read inside the caller's transaction. */
export async function loadGroupInput(client: Pick<PoolClient, "query">, datasetId: number, groupId: number, pivot: string, embeddingModel: string | null): Promise<GroupInput> {
  const { rows } = await client.query<Row>(
    `SELECT g.gold, r.id, r.language, r.sample_index, r.text, r.detected_language, r.extracted_answer, r.target_share, r.defect, e.vector
     FROM prompt_groups g
     JOIN responses r ON r.group_id = g.id
     LEFT JOIN embeddings e ON $3::text IS NOT NULL AND e.dataset_id = r.dataset_id
                           AND e.model = $3::text AND e.content_hash = r.content_hash
     WHERE g.dataset_id = $1 AND g.id = $2
     ORDER BY r.language, r.sample_index, r.id`,
    [datasetId, groupId, embeddingModel],
  );
  return {
    groupId: String(groupId),
    pivot,
    gold: rows[0]?.gold ?? null,
    candidates: rows.map((r) => ({
      id: String(r.id), lang: r.language, sampleIndex: r.sample_index, text: r.text, detectedLang: r.detected_language,
      answer: r.extracted_answer, vector: r.vector ? bytesToFloat32(r.vector) : null,
      targetShare: r.target_share, defect: r.defect as ResponseDefect | null,
    })),
  };
}
