export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "number" : `number ${value}`;
  if (typeof value === "bigint") return "bigint";
  if (typeof value === "string") return value === "" ? "an empty string" : "string";
  return typeof value;
}

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function joinPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else {
      const key = String(part);
      if (SIMPLE_KEY.test(key)) out += out === "" ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

export function formatBytes(bytes: number): string {
  const units: Array<[number, string]> = [
    [2 ** 30, "GiB"],
    [2 ** 20, "MiB"],
    [2 ** 10, "KiB"],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}

export const messages = {
  missing: "required field is missing",
  empty: "must not be empty",
  notUtf8: "line is not valid UTF-8",
  lineTooLong: (limit: number) => `line is longer than the limit of ${formatBytes(limit)} (maxLineBytes)`,
  recordTooLong: (limit: number) => `record is longer than the limit of ${formatBytes(limit)} (maxLineBytes)`,
  fileTooLarge: (limit: number) => `input is larger than the limit of ${formatBytes(limit)} (maxFileBytes)`,
  notAnObject: (value: unknown) => `expected a JSON object, got ${describeValue(value)}`,
  expected: (what: string, value: unknown) => `expected ${what}, got ${describeValue(value)}`,
  badLanguage: (code: string, suggestion: string | null) =>
    `${JSON.stringify(code)} is not a valid BCP-47 language code` + (suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ""),
  duplicateLanguage: (lang: string, firstKey: string) => `language "${lang}" is given twice (also as ${JSON.stringify(firstKey)})`,
  pivotMissing: (pivot: string) => `the pivot language "${pivot}" has no prompt`,
  flatPivotMissing: (id: string, pivot: string) => `prompt group ${JSON.stringify(id)} has no line with the pivot language "${pivot}"`,
  responsesWithoutPrompt: (lang: string) => `responses in "${lang}" but no prompt in that language`,
  duplicateSample: (sample: number, firstPath: string) => `sample index ${sample} is already used by ${firstPath}`,
  flatDuplicateSample: (sample: number, id: string, lang: string, implicit: boolean, firstLine: number) =>
    `sample index ${sample}${implicit ? " (from the line order)" : ""} of prompt group ${JSON.stringify(id)}, ` +
    `language "${lang}" is already used on line ${firstLine}`,
  conflictingPrompt: (id: string, lang: string, firstLine: number) =>
    `differs from the "${lang}" prompt of group ${JSON.stringify(id)} given on line ${firstLine}`,
  conflictingGold: (id: string, firstLine: number) =>
    `differs from the gold answer of group ${JSON.stringify(id)} given on line ${firstLine}`,
  unknownPromptField: 'unknown field (a prompt object takes only "text" and "machine_translated")',
  duplicateGroup: (id: string, firstLine: number) => `prompt group ${JSON.stringify(id)} already appeared on line ${firstLine}`,
  metaClash: (key: string) => `unknown top-level field "${key}" clashes with meta.${key}`,
} as const;
