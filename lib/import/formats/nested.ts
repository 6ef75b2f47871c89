import { contentHash } from "./hash";
import { normaliseLanguage, suggestLanguage } from "./language";
import { joinPath, messages } from "./messages";
import { type FieldIssue, type TNestedRecord, ZNestedRecord } from "./schemas";
import { hasNestedShape, readRecord } from "./shape-check";
import type { ImportGroup, ImportPrompt, ImportResponse } from "./types";

const KNOWN_TOP_LEVEL = new Set(["id", "gold", "prompts", "responses", "meta"]);
const KNOWN_RESPONSE_FIELDS = new Set(["text", "model", "sample"]);

/** Assigns own properties safely even for the key "__proto__" (JSON.parse makes it an own key). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export function externalIdOf(id: string | number): string {
  return typeof id === "number" ? String(id) : id;
}

export function goldOf(gold: string | number | null | undefined): string | null {
  return gold === undefined || gold === null ? null : String(gold);
}

function languageOf(key: string, field: string, issues: FieldIssue[]): string | null {
  const lang = normaliseLanguage(key);
  if (lang === null) issues.push({ field, message: messages.badLanguage(key, suggestLanguage(key)) });
  return lang;
}

/** Calls `fn` for each key of `prompts` or `responses` in order; a bad or repeated language is an issue and skipped. */
function forEachLanguage(
  section: "prompts" | "responses",
  byLanguage: object,
  issues: FieldIssue[],
  fn: (key: string, lang: string, field: string) => void,
): void {
  const seen = new Map<string, string>();
  for (const key in byLanguage) {
    const field = joinPath([section, key]);
    const lang = languageOf(key, field, issues);
    if (lang === null) continue;
    const first = seen.get(lang);
    if (first !== undefined) issues.push({ field, message: messages.duplicateLanguage(lang, first) });
    else {
      seen.set(lang, key);
      fn(key, lang, field);
    }
  }
}

function readPrompts(record: TNestedRecord, issues: FieldIssue[]): ImportPrompt[] {
  const prompts: ImportPrompt[] = [];
  forEachLanguage("prompts", record.prompts, issues, (key, lang) => {
    const value = record.prompts[key];
    if (typeof value === "string") prompts.push({ lang, text: value, machineTranslated: false });
    else if (value) prompts.push({ lang, text: value.text, machineTranslated: value.machine_translated === true });
  });
  return prompts;
}

/** The fields of `record` other than `known`, kept as the response's params (null: none). */
export function otherFields(record: Record<string, unknown>, known: Set<string>): Record<string, unknown> | null {
  let params: Record<string, unknown> | null = null;
  for (const key in record) {
    if (known.has(key)) continue;
    params ??= {};
    setOwn(params, key, record[key]);
  }
  return params;
}

function readResponses(record: TNestedRecord, line: number, promptLangs: Set<string>, issues: FieldIssue[]) {
  const responses: ImportResponse[] = [];
  const all = record.responses ?? {};
  forEachLanguage("responses", all, issues, (key, lang, field) => {
    const list = all[key] ?? [];
    if (list.length > 0 && !promptLangs.has(lang)) issues.push({ field, message: messages.responsesWithoutPrompt(lang) });
    const samples = new Map<number, number>();
    // joinPath(["responses", key, position]) for every position, without a path array and key test each.
    const listField = joinPath(["responses", key]);
    list.forEach((item, position) => {
      const isObject = typeof item !== "string";
      const sampleIndex = isObject && item.sample != null ? item.sample : position;
      const firstPosition = samples.get(sampleIndex);
      if (firstPosition !== undefined) {
        const path = joinPath(["responses", key, position, ...(isObject && item.sample != null ? ["sample"] : [])]);
        issues.push({ field: path, message: messages.duplicateSample(sampleIndex, joinPath(["responses", key, firstPosition])) });
        return;
      }
      samples.set(sampleIndex, position);
      const text = isObject ? item.text : item;
      const model = isObject ? (item.model ?? null) : null;
      const params = isObject ? otherFields(item, KNOWN_RESPONSE_FIELDS) : null;
      responses.push({ lang, sampleIndex, text, model, params, contentHash: "", line, field: `${listField}[${position}]` });
    });
  });
  return responses;
}

function readMeta(record: TNestedRecord, issues: FieldIssue[]): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  const given = record.meta ?? {};
  for (const key in given) setOwn(meta, key, given[key]);
  for (const key in record) {
    if (KNOWN_TOP_LEVEL.has(key)) continue;
    if (Object.prototype.hasOwnProperty.call(given, key)) issues.push({ field: joinPath([key]), message: messages.metaClash(key) });
    else setOwn(meta, key, record[key]);
  }
  return meta;
}

/** Validates and normalises one nested record (one prompt group). */
export function validateNested(value: unknown, line: number, pivot: string): ImportGroup | FieldIssue[] {
  const record = readRecord(value, hasNestedShape, ZNestedRecord);
  if (Array.isArray(record)) return record;
  const issues: FieldIssue[] = [];
  const prompts = readPrompts(record, issues);
  const promptLangs = new Set(prompts.map((p) => p.lang));
  if (!promptLangs.has(pivot) && !issues.some((i) => i.field?.startsWith("prompts"))) {
    issues.push({ field: joinPath(["prompts", pivot]), message: messages.pivotMissing(pivot) });
  }
  const responses = readResponses(record, line, promptLangs, issues);
  const meta = readMeta(record, issues);
  if (issues.length > 0) return issues;
  for (const response of responses) response.contentHash = contentHash(response.text);
  return {
    line,
    externalId: externalIdOf(record.id),
    gold: goldOf(record.gold),
    prompts,
    responses,
    meta,
    complete: true,
  };
}
