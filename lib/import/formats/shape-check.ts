import type { z } from "zod";
import { messages } from "./messages";
import { describeIssues, isSampleIndex, type FieldIssue } from "./schemas";

// Hand-rolled mirrors of ZNestedRecord / ZFlatRecord for the common valid case: true exactly when the
// zod schema would accept the value (a property test holds them together). zod runs only on failure,
// to word the errors.

type Obj = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const notBlank = (s: string) => s.trim() !== "";
const isNullish = (v: unknown) => v === undefined || v === null;
const isExternalId = (v: unknown) => (typeof v === "string" ? notBlank(v) : typeof v === "number" && Number.isSafeInteger(v));
const isGold = (v: unknown) => isNullish(v) || typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
const isOptString = (v: unknown) => isNullish(v) || typeof v === "string";
const isOptBoolean = (v: unknown) => isNullish(v) || typeof v === "boolean";

function isPromptValue(v: unknown): boolean {
  if (typeof v === "string") return notBlank(v);
  if (!isPlainObject(v)) return false;
  for (const key in v) if (key !== "text" && key !== "machine_translated") return false;
  return typeof v.text === "string" && notBlank(v.text) && isOptBoolean(v.machine_translated);
}

function isResponseValue(v: unknown): boolean {
  if (typeof v === "string") return true;
  if (!isPlainObject(v)) return false;
  return typeof v.text === "string" && isOptString(v.model) && (isNullish(v.sample) || isSampleIndex(v.sample));
}

export function hasNestedShape(v: Obj): boolean {
  if (!isExternalId(v.id) || !isGold(v.gold)) return false;
  if (!isNullish(v.meta) && !isPlainObject(v.meta)) return false;
  const prompts = v.prompts;
  if (!isPlainObject(prompts)) return false;
  for (const key in prompts) if (!isPromptValue(prompts[key])) return false;
  const responses = v.responses;
  if (isNullish(responses)) return true;
  if (!isPlainObject(responses)) return false;
  for (const key in responses) {
    const list = responses[key];
    if (!Array.isArray(list)) return false;
    for (const item of list) if (!isResponseValue(item)) return false;
  }
  return true;
}

export function hasFlatShape(v: Obj): boolean {
  return (
    isExternalId(v.prompt_id) &&
    typeof v.lang === "string" &&
    typeof v.prompt === "string" &&
    notBlank(v.prompt) &&
    typeof v.response === "string" &&
    (isNullish(v.sample) || isSampleIndex(v.sample)) &&
    isOptString(v.model) &&
    isGold(v.gold) &&
    isOptBoolean(v.machine_translated)
  );
}

/** `value` as a record of `schema`: the mirror `hasShape` takes the common valid case, zod runs only to word the issues. */
export function readRecord<T>(value: unknown, hasShape: (v: Obj) => boolean, schema: z.ZodType<T>): T | FieldIssue[] {
  if (!isPlainObject(value)) return [{ field: null, message: messages.notAnObject(value) }];
  if (hasShape(value)) return value as T;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : describeIssues(parsed.error, value);
}
