/**
 * How a model's responses fare in selection, per language: how many were chosen, rejected,
 * off-target and mixed (by the one on-target definition in target.ts).
 */
import { targetStatus } from "./target";

/** Responses of one model and language with the same detection, and how many of them a run chose or rejected. */
export interface ModelResponses {
  model: string | null;
  lang: string;
  detectedLang: string | null;
  responses: number;
  chosen: number;
  rejected: number;
}

export interface ModelUsage {
  /** null: responses imported without a model name. */
  model: string | null;
  lang: string;
  responses: number;
  chosen: number;
  rejected: number;
  offTarget: number;
  mixed: number;
}

const key = (model: string | null, lang: string) => `${model === null ? "\u0001" : `\u0002${model}`}\u0000${lang}`;

/** One row per (model, language), sorted by model (unnamed last) then language. */
export function modelUsage(rows: readonly ModelResponses[]): ModelUsage[] {
  const out = new Map<string, ModelUsage>();
  for (const r of rows) {
    const k = key(r.model, r.lang);
    let u = out.get(k);
    if (u === undefined) out.set(k, (u = { model: r.model, lang: r.lang, responses: 0, chosen: 0, rejected: 0, offTarget: 0, mixed: 0 }));
    u.responses += r.responses;
    u.chosen += r.chosen;
    u.rejected += r.rejected;
    const status = targetStatus(r, r.lang);
    if (status === "off_target") u.offTarget += r.responses;
    else if (status === "mixed") u.mixed += r.responses;
  }
  return [...out.values()].sort((a, b) => {
    if (a.model !== b.model) {
      if (a.model === null) return 1;
      if (b.model === null) return -1;
      return a.model < b.model ? -1 : 1;
    }
    return a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0;
  });
}
