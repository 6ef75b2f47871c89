import { z } from "zod";
import { ZSlug } from "@/lib/datasets/schemas";

export const ZUploadParams = z.object({
  slug: ZSlug,
  filename: z.string().min(1).max(255),
  create: z.enum(["0", "1"]).default("0"),
  name: z.string().max(200).optional(),
  task: z.enum(["general", "math", "translation"]).optional(),
  format: z.enum(["nested", "flat", "csv"]).optional(),
  skipInvalid: z.enum(["0", "1"]).default("0"),
});
export type TUploadParams = z.infer<typeof ZUploadParams>;
