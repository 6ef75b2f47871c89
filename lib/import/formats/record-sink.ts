import { FlatValidator } from "./flat";
import { CompactKeyMap, fingerprint } from "./hash";
import { messages } from "./messages";
import { validateNested } from "./nested";
import type { FieldIssue } from "./schemas";
import { isPlainObject } from "./shape-check";
import type { ImportIssue, ImportItem, ImportProgress, ImportRecordKind } from "./types";
import { findBadText } from "./unicode-text";

export type RawRecord = string | Record<string, unknown> | null;

/** Nested when the first object has `prompts` or `responses`, flat when it has a flat column, else nested. */
export function detectKind(value: Record<string, unknown>): ImportRecordKind {
  if ("prompts" in value || "responses" in value) return "nested";
  if ("prompt_id" in value || "response" in value || "lang" in value || "prompt" in value) return "flat";
  return "nested";
}

/**
 * Receives parsed values from a container reader, validates them with the right validator and
 * collects the resulting items until the reader hands a batch to the consumer.
 */
export class RecordSink {
  private items: ImportItem[] = [];
  private flat: FlatValidator | null = null;
  /** Nested ids seen so far, as 64-bit fingerprints → first line (≤ 24 bytes a group). */
  private readonly nestedIds = new CompactKeyMap();

  constructor(
    public kind: ImportRecordKind | null,
    private readonly pivot: string,
    private readonly progress: ImportProgress,
  ) {}

  /**
   * `checkText`: look for text that is not Unicode (see findBadText); a reader passes false when its
   * record cannot hold any (CSV from validated UTF-8, a JSON line without a `\u` escape).
   */
  record(line: number, value: unknown, raw: () => RawRecord, checkText = true): void {
    const bad = checkText ? findBadText(value) : null;
    if (bad !== null) {
      this.invalid(line, [{ field: bad.path === "" ? null : bad.path, message: bad.message }], raw());
      return;
    }
    if (this.kind === null && isPlainObject(value)) this.kind = detectKind(value);
    let result;
    if (this.kind === "flat") {
      this.flat ??= new FlatValidator(this.pivot);
      result = this.flat.validate(value, line);
    } else {
      result = validateNested(value, line, this.pivot);
      if (!Array.isArray(result)) {
        const [hi, lo] = fingerprint(result.externalId);
        const firstLine = this.nestedIds.get(hi, lo);
        if (firstLine !== undefined) result = [{ field: "id", message: messages.duplicateGroup(result.externalId, firstLine) }];
        else this.nestedIds.set(hi, lo, line);
      }
    }
    if (Array.isArray(result)) this.invalid(line, result, raw());
    else {
      this.progress.records++;
      this.items.push({ kind: "group", line, group: result });
    }
  }

  invalid(line: number, issues: FieldIssue[], raw: RawRecord, invalidatesGroup: string | null = null): void {
    this.progress.invalid++;
    const withLines: ImportIssue[] = issues.map((issue) => ({ line: issue.line ?? line, field: issue.field, message: issue.message }));
    this.items.push({ kind: "invalid", line, issues: withLines, raw, invalidatesGroup });
  }

  /** Emits the group-level failures that only the end of a flat stream can reveal. */
  finish(): void {
    if (!this.flat) return;
    for (const failure of this.flat.finish()) this.invalid(failure.line, [failure.issue], null, failure.externalId);
  }

  fatal(message: string, line: number | null): void {
    this.items.push({ kind: "fatal", line, message });
  }

  take(): ImportItem[] {
    const batch = this.items;
    this.items = [];
    return batch;
  }

  get size(): number {
    return this.items.length;
  }
}
