import { z } from "zod";
import { queryMaybeOne, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { correctionUseCase } from "./apply-correction";
import type { TPickReference } from "./schemas";

/** Makes another pivot-language sample the group's reference and recomputes its pairs in every language. */
export const pickReference = correctionUseCase<TPickReference>(async (ctx, input, datasetId) => {
  const response = await queryMaybeOne(
    ctx.client,
    sql`SELECT language FROM responses WHERE id = ${input.responseId} AND group_id = ${input.groupId} AND dataset_id = ${datasetId}`,
    z.object({ language: z.string() }),
  );
  if (response?.language !== ctx.pivot)
    throw new AppError("BAD_INPUT", `The reference must be a ${ctx.pivot} response of this prompt group.`);
  if (ctx.current.responseId === input.responseId) throw new AppError("BAD_INPUT", "This response is already the reference.");
  return { kind: "pick", responseId: input.responseId, reason: input.reason };
});
