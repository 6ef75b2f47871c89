export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue };

const PLAIN_SCALAR = /^[A-Za-z_][A-Za-z0-9_./*-]*$/;
// Words YAML 1.1 readers turn into booleans or null (`no` is also Norwegian's language code).
const RESERVED = new Set(["y", "n", "yes", "no", "on", "off", "true", "false", "null"]);

/** A scalar in plain style when that is unambiguous, else as a JSON string (valid YAML double-quoted). */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to YAML`);
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  return PLAIN_SCALAR.test(value) && !RESERVED.has(value.toLowerCase()) ? value : JSON.stringify(value);
}

/** Block-style YAML for a mapping (the Hugging Face card front matter); keys keep insertion order. */
export function toYaml(mapping: { [key: string]: YamlValue }): string {
  return `${mappingLines(mapping, 0).join("\n")}\n`;
}

function mappingLines(mapping: { [key: string]: YamlValue }, indent: number): string[] {
  const pad = " ".repeat(indent);
  return Object.entries(mapping).flatMap(([key, value]) => {
    const head = `${pad}${yamlScalar(key)}:`;
    if (Array.isArray(value)) {
      return value.length === 0 ? [`${head} []`] : [head, ...sequenceLines(value, indent + 2)];
    }
    if (typeof value === "object") {
      return Object.keys(value).length === 0 ? [`${head} {}`] : [head, ...mappingLines(value, indent + 2)];
    }
    return [`${head} ${yamlScalar(value)}`];
  });
}

function sequenceLines(items: YamlValue[], indent: number): string[] {
  const pad = " ".repeat(indent);
  return items.flatMap((item) => {
    if (Array.isArray(item)) {
      throw new TypeError("nested YAML sequences are not needed and not supported");
    }
    if (typeof item === "object") {
      // The first key sits on the dash line; the rest align under it.
      const lines = mappingLines(item, indent + 2);
      const first = lines[0];
      return first === undefined ? [`${pad}- {}`] : [`${pad}- ${first.slice(indent + 2)}`, ...lines.slice(1)];
    }
    return [`${pad}- ${yamlScalar(item)}`];
  });
}
