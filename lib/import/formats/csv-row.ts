import { FLAT_COLUMNS } from "./flat";
import { setOwn } from "./nested";
import type { FieldIssue } from "./schemas";

export const REQUIRED_CSV_COLUMNS = ["prompt_id", "lang", "prompt", "response"];

/** Checks the header row; returns the trimmed column names or a message for a fatal error. */
export function readCsvHeader(cells: string[]): string[] | string {
  const names = cells.map((cell) => cell.trim());
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return (
      `the CSV header row lacks the column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} ` +
      `(expected ${FLAT_COLUMNS.join(", ")}; the first row must be the header)`
    );
  }
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) return `the CSV header row names the column "${duplicate}" twice`;
  return names;
}

const TRUE_WORDS = new Set(["true", "1", "yes"]);
const FALSE_WORDS = new Set(["false", "0", "no"]);

/**
 * A CSV row as the flat record JSON would have given: empty cells are absent (an empty `response`
 * is an empty text), `sample` digits become numbers, boolean words become booleans. Anything else
 * stays a string and fails validation with the usual message.
 */
export function csvRowToRecord(header: string[], cells: string[]): { record: Record<string, unknown> } | { issue: FieldIssue } {
  if (cells.length !== header.length) {
    return { issue: { field: null, message: `expected ${header.length} columns as in the header, got ${cells.length}` } };
  }
  const record: Record<string, unknown> = {};
  header.forEach((name, i) => {
    const cell = cells[i] ?? "";
    if (cell === "") {
      if (name === "response") record.response = "";
      return;
    }
    if (name === "sample" && /^\d{1,10}$/.test(cell)) setOwn(record, name, Number(cell));
    else if (name === "machine_translated" && TRUE_WORDS.has(cell.toLowerCase())) record.machine_translated = true;
    else if (name === "machine_translated" && FALSE_WORDS.has(cell.toLowerCase())) record.machine_translated = false;
    else setOwn(record, name, cell);
  });
  return { record };
}
