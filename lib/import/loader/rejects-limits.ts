import { env } from "@/lib/env";
import type { RejectsLimits, RejectsWriter } from "@/lib/import/formats";

/** The rejects limits of CM_REJECTS_MAX_LINES and CM_REJECTS_MAX_MB. */
export function rejectsLimitsFromEnv(): RejectsLimits {
  const e = env();
  return { lines: e.CM_REJECTS_MAX_LINES, bytes: Math.floor(e.CM_REJECTS_MAX_MB * 2 ** 20) };
}

/** Why an import stopped at its rejects limit, and how to raise it. */
export function rejectsLimitMessage(writer: RejectsWriter, limits: RejectsLimits): string {
  const kept = `the first ${writer.count.toLocaleString("en")} are in the rejects file`;
  if (writer.exceeded === "lines") {
    return `More than ${limits.lines.toLocaleString("en")} invalid records (the rejects limit: --max-rejects or CM_REJECTS_MAX_LINES); nothing was imported (${kept}).`;
  }
  const size = limits.bytes >= 2 ** 20 ? `${+(limits.bytes / 2 ** 20).toFixed(1)} MB` : `${limits.bytes.toLocaleString("en")} bytes`;
  return `The rejected records take more than ${size} (the rejects limit: --max-rejects-mb or CM_REJECTS_MAX_MB); nothing was imported (${kept}).`;
}
