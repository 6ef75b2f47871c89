import { z } from "zod";

import { describeValue, joinPath, messages } from "./messages";

// Structural schemas only: shapes and types. Language codes, the pivot, duplicate sample indexes and
// cross-line consistency are checked by the validators, which need the normalised values.
// Convention: a message starting with "expected " gets ", got <type of the value>" appended.

export const EXPECTED_SAMPLE = "expected a non-negative integer";
export const MAX_SAMPLE_INDEX = 2 ** 31 - 1;

const notBlank = (s: string) => s.trim() !== "";
const ZNonBlank = z.string().refine(notBlank, messages.empty);

export const isSampleIndex = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_SAMPLE_INDEX;

const ZSample = z.custom<number>(isSampleIndex, { error: EXPECTED_SAMPLE });

export const ZExternalId = z.union([ZNonBlank, z.number().int()], { error: "expected a string or an integer" });
export const ZGold = z.union([z.string(), z.number().finite()], { error: "expected a string or a number" }).nullish();

export const PROMPT_OBJECT_KEYS = ["text", "machine_translated"] as const;
const ZPromptObject = z.strictObject({ text: ZNonBlank, machine_translated: z.boolean().nullish() });
export const ZPromptValue = z.union([ZNonBlank, ZPromptObject], {
  error: 'expected a string or an object with a "text" field',
});

const ZResponseObject = z.looseObject({ text: z.string(), model: z.string().nullish(), sample: ZSample.nullish() });
export const ZResponseValue = z.union([z.string(), ZResponseObject], {
  error: 'expected a string or an object with a "text" field',
});

export const ZNestedRecord = z.looseObject({
  id: ZExternalId,
  gold: ZGold,
  prompts: z.record(z.string(), ZPromptValue),
  responses: z.record(z.string(), z.array(ZResponseValue)).nullish(),
  meta: z.record(z.string(), z.unknown()).nullish(),
});
export type TNestedRecord = z.infer<typeof ZNestedRecord>;

export const ZFlatRecord = z.looseObject({
  prompt_id: ZExternalId,
  lang: z.string(),
  prompt: ZNonBlank,
  response: z.string(),
  sample: ZSample.nullish(),
  model: z.string().nullish(),
  gold: ZGold,
  machine_translated: z.boolean().nullish(),
});
export type TFlatRecord = z.infer<typeof ZFlatRecord>;

export interface FieldIssue {
  /** `null` when the record as a whole is at fault. */
  field: string | null;
  message: string;
  /** Only when the fault lies on another line than the record's first (multi-line records). */
  line?: number;
}

const ZOD_TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  object: "an object",
  record: "an object",
  array: "an array",
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function withGot(message: string, value: unknown): string {
  if (!message.startsWith("expected ")) return message;
  const detailed = message === EXPECTED_SAMPLE && (typeof value === "number" || typeof value === "string");
  return `${message}, got ${detailed ? JSON.stringify(value) : describeValue(value)}`;
}

function convert(issue: z.core.$ZodIssue, root: unknown, prefix: readonly PropertyKey[], out: FieldIssue[]): void {
  const path = [...prefix, ...issue.path];
  const value = valueAt(root, path);
  const field = path.length === 0 ? null : joinPath(path);
  if (issue.code === "invalid_union" && isPlainObject(value)) {
    // Report what is wrong inside the object rather than "expected a string or an object".
    const objectBranch = issue.errors.find((branch) => !branch.some((i) => i.path.length === 0));
    if (objectBranch) {
      for (const inner of objectBranch) convert(inner, root, path, out);
      return;
    }
  }
  if (value === undefined && (issue.code === "invalid_type" || issue.code === "invalid_union")) {
    out.push({ field, message: messages.missing });
    return;
  }
  if (issue.code === "unrecognized_keys") {
    for (const key of issue.keys) out.push({ field: joinPath([...path, key]), message: messages.unknownPromptField });
    return;
  }
  if (issue.code === "invalid_type") {
    const expected = ZOD_TYPE_NAMES[issue.expected] ?? issue.expected;
    out.push({ field, message: withGot(`expected ${expected}`, value) });
    return;
  }
  out.push({ field, message: withGot(issue.message, value) });
}

/** zod issues → `{field, message}` in the house wording. */
export function describeIssues(error: z.ZodError, root: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) convert(issue, root, [], out);
  return out;
}
