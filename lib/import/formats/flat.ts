import { FlatIndex } from "./flat-index";
import { contentHash, fingerprint } from "./hash";
import { normaliseLanguage, suggestLanguage } from "./language";
import { messages } from "./messages";
import { externalIdOf, goldOf, otherFields } from "./nested";
import { type FieldIssue, type TFlatRecord, ZFlatRecord } from "./schemas";
import { hasFlatShape, readRecord } from "./shape-check";
import type { ImportGroup } from "./types";

export const FLAT_COLUMNS = ["prompt_id", "lang", "prompt", "response", "sample", "model", "gold", "machine_translated"];
const KNOWN_FLAT = new Set(FLAT_COLUMNS);

export interface GroupFailure {
  line: number;
  externalId: string;
  issue: FieldIssue;
}

/**
 * Validates flat rows one at a time and keeps the cross-line state (FlatIndex) needed to catch
 * conflicting prompts/gold, duplicate sample indexes and groups without a pivot-language prompt.
 * Invalid rows leave no trace in that state.
 */
export class FlatValidator {
  private readonly index = new FlatIndex();

  constructor(private readonly pivot: string) {}

  validate(value: unknown, line: number): ImportGroup | FieldIssue[] {
    const record = readRecord(value, hasFlatShape, ZFlatRecord);
    if (Array.isArray(record)) return record;
    const lang = normaliseLanguage(record.lang);
    if (lang === null) return [{ field: "lang", message: messages.badLanguage(record.lang, suggestLanguage(record.lang)) }];
    return this.checkAndCommit(record, lang, line);
  }

  /** Group-level failures, known only once every row has been seen. */
  finish(): GroupFailure[] {
    const failures: GroupFailure[] = [];
    for (const { externalId, line } of this.index.groupsWithoutPivot()) {
      failures.push({ line, externalId, issue: { field: "lang", message: messages.flatPivotMissing(externalId, this.pivot) } });
    }
    return failures;
  }

  private checkAndCommit(record: TFlatRecord, lang: string, line: number): ImportGroup | FieldIssue[] {
    const externalId = externalIdOf(record.prompt_id);
    const gold = goldOf(record.gold);
    const index = this.index;
    const issues: FieldIssue[] = [];
    const existingGroup = index.group(externalId);
    const existingSlot = existingGroup === undefined ? undefined : index.slot(existingGroup, lang);
    const promptPrint = fingerprint(record.prompt);
    const goldPrint = gold === null ? null : fingerprint(gold);

    if (existingSlot !== undefined) {
      const conflictLine = index.promptConflict(existingSlot, promptPrint);
      if (conflictLine !== null) issues.push({ field: "prompt", message: messages.conflictingPrompt(externalId, lang, conflictLine) });
    }
    if (existingGroup !== undefined && goldPrint !== null) {
      const conflictLine = index.goldConflict(existingGroup, goldPrint);
      if (conflictLine !== null) issues.push({ field: "gold", message: messages.conflictingGold(externalId, conflictLine) });
    }
    const explicitSample = record.sample ?? null;
    const sampleIndex = explicitSample ?? (existingSlot === undefined ? 0 : index.rowsIn(existingSlot));
    if (existingSlot !== undefined) {
      const firstLine = index.sampleLine(existingSlot, sampleIndex);
      if (firstLine !== undefined) {
        issues.push({
          field: "sample",
          message: messages.flatDuplicateSample(sampleIndex, externalId, lang, explicitSample === null, firstLine),
        });
      }
    }
    if (issues.length > 0) return issues;

    const group = existingGroup ?? index.addGroup(externalId, line);
    const slot = existingSlot ?? index.addSlot(group, lang, promptPrint, line);
    index.addSample(slot, sampleIndex, line);
    if (goldPrint !== null) index.setGold(group, goldPrint, line);
    if (lang === this.pivot) index.markPivot(group);

    return {
      line,
      externalId,
      gold,
      prompts: [{ lang, text: record.prompt, machineTranslated: record.machine_translated === true }],
      responses: [
        {
          lang,
          sampleIndex,
          text: record.response,
          model: record.model ?? null,
          params: otherFields(record, KNOWN_FLAT),
          contentHash: contentHash(record.response),
          line,
          field: "response",
        },
      ],
      meta: {},
      complete: false,
    };
  }
}
