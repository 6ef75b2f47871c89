import { deriveFields } from "@/lib/import/loader/derive";
import type { Derived } from "./insert-groups";

/** Fields computed once per response at load time (the importer's rule: an answer when the group has a gold). */
export function deriveResponseFields(
  text: string,
  lang: string,
  group: { gold: string | null },
  finishReason: string | null = null,
): Derived {
  return deriveFields(text, lang, group.gold !== null, finishReason);
}
