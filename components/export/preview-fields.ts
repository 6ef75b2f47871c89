/** One field of an exported record as the preview shows it. */
export type PreviewField = {
  /** Where in the record: `chosen`, `prompt · user`, `conversations · human`. */
  name: string;
  value: string;
  /** The text's language (its direction follows), or null: not text in a known language (numbers, ids, a system prompt). */
  lang: string | null;
  /** `text`: model or prompt text, shown as written; `value`: an id, a number, a label. */
  kind: "text" | "value";
};

/** Provenance fields of the cm-align record: identifiers, labels and review records, never prompt or model text. */
const VALUE_KEYS = new Set([
  "id",
  "prompt_id",
  "lang",
  "origin",
  "status",
  "run_id",
  "scorer",
  "input",
  "consensus",
  "votes",
  "adjudication",
]);
/** Free text inside those records (a reviewer's reason): any language, shown in its own direction. */
const FREE_TEXT = new Set(["reason"]);

/**
 * A record's fields in file order, each with the language its text is in: the pair's language for
 * prompts and responses, the pivot for the English reference, none for a system prompt (the user's
 * own, any language) and for ids and numbers.
 */
export function previewFields(record: object, lang: string, pivot: string): PreviewField[] {
  const fields: PreviewField[] = [];
  let top = "";
  const add = (name: string, value: unknown, textLang: string | null) => {
    if (typeof value === "string") {
      const free = FREE_TEXT.has(name.slice(name.lastIndexOf(".") + 1));
      fields.push({ name, value, lang: textLang, kind: VALUE_KEYS.has(top) && !free ? "value" : "text" });
    } else if (value === null || typeof value !== "object") {
      fields.push({ name, value: String(value), lang: null, kind: "value" });
    } else if (Array.isArray(value)) {
      for (const item of value) add(name, item, textLang);
    } else {
      const message = value as Record<string, unknown>;
      const speaker = message.role ?? message.from;
      const text = message.content ?? message.value;
      if (typeof speaker === "string" && typeof text === "string") {
        add(`${name} · ${speaker}`, text, speaker === "system" ? null : textLang);
      } else {
        for (const [k, v] of Object.entries(message)) add(`${name}.${k}`, v, textLang);
      }
    }
  };
  for (const [key, value] of Object.entries(record)) {
    top = key;
    const textLang = VALUE_KEYS.has(key) || key === "system" ? null : key === "en_reference" ? pivot : lang;
    add(key, value, textLang);
  }
  return fields;
}
