import type { ImportIssue } from "@/lib/import/formats";

/** The error for a file that gives another text for a sample already stored. */
export function sampleConflict(r: { line: number; field: string; lang: string; model: string | null; sampleIndex: number }): ImportIssue {
  const model = r.model === null ? "" : ` of model ${JSON.stringify(r.model)}`;
  return {
    line: r.line,
    field: r.field,
    message:
      `sample ${r.sampleIndex} (${r.lang}${model}) is already stored with a different text; ` +
      'a sample is identified by its group, language, model and position, so import the file with --append (Add data: "Add as new samples") to add its responses after the stored ones',
  };
}
