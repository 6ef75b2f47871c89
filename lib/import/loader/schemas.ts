import { z } from "zod";
import { ZSlug } from "@/lib/input-limits";
import { ZIdParam } from "@/lib/input-limits";

export const ZUploadParams = z.object({
  slug: ZSlug,
  filename: z.string().min(1).max(255),
  create: z.enum(["0", "1"]).default("0"),
  name: z.string().max(200).optional(),
  task: z.enum(["general", "math", "translation"]).optional(),
  format: z.enum(["nested", "flat", "csv"]).optional(),
  skipInvalid: z.enum(["0", "1"]).default("0"),
  append: z.enum(["0", "1"]).default("0"),
  /** `1`: only create the status row (queued) and answer its id; the file follows with `import=<id>`. */
  prepare: z.enum(["0", "1"]).default("0"),
  /** The file's size in bytes, for a prepared import's progress. */
  size: z.coerce.number().int().nonnegative().optional(),
  /** A prepared status row to run this upload against. */
  import: ZIdParam.optional(),
});
export type TUploadParams = z.infer<typeof ZUploadParams>;
