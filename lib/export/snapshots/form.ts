import { z } from "zod";

const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);
const optionalNumber = z.preprocess(blankToNull, z.coerce.number().finite().nullable());
const commaList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",") : (v ?? [])),
  z.array(z.string()).transform((items) => items.map((l) => l.trim()).filter((l) => l !== "")),
);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "1" || v === "true", z.boolean());

/**
 * The export form as the browser sends it (form fields or URL search params: strings, "" for
 * blank, checkboxes "on"). Parsing gives an export request for `resolveExportConfig`.
 */
export const ZExportForm = z.object({
  format: z.string().min(1, "choose a format"),
  languages: commaList,
  /** Checked consensus values; their names are checked by the export request. */
  consensus: commaList,
  status: z.preprocess((v) => blankToNull(v) ?? "effective", z.string()),
  minMargin: optionalNumber,
  testSplit: optionalNumber,
  seed: z.preprocess((v) => blankToNull(v) ?? 0, z.coerce.number().int()),
  system: z.preprocess(blankToNull, z.string().nullable()),
  excludeFlagged: checkbox,
  englishPairs: checkbox,
});

export type ExportFormInput = z.input<typeof ZExportForm>;

/** Search params (`?format=trl&languages=de,zh…`) to form input; repeated keys keep their first value. */
export function formFromSearchParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => {
      const value = Array.isArray(v) ? v[0] : v;
      return value === undefined ? [] : [[k, value]];
    }),
  );
}
