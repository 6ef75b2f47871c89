// The reference-in-effect rule as plain data (the TypeScript twin of lib/effective-pair's SQL; the
// property test lib/effective-pair/reference-in-effect.db.test.ts proves them equal).
//
// A pair's reference is the one its pair was scored against: the group's latest reference correction
// made after the pair's run finished (a correction "in effect"), else the pair's run's reference. A
// run that finishes after a correction recomputed every auto pair from its own reference, so the
// correction no longer applies to its pairs.

export type RunReferenceFacts = { responseId: number | null; cons: number | null };
export type RunFacts = {
  id: number;
  kind: "select" | "generate" | "embed" | "bulk";
  status: "succeeded" | "failed" | "running";
  finishedAt: Date | null;
  /** Per group id: the reference the run chose (responseId null: it skipped the group). */
  references: ReadonlyMap<number, RunReferenceFacts>;
  /** Per `${groupId}:${language}`: the run proposed something for it. */
  proposals: ReadonlySet<string>;
};
export type CorrectionFacts = {
  id: number;
  groupId: number;
  createdAt: Date;
  /** The new reference; null for an undo back to the run's own rule. */
  responseId: number | null;
  /** Cons/CL the correction computed, per response id. */
  scores: ReadonlyMap<number, number>;
  /** Languages the correction proposed something for. */
  proposals: ReadonlySet<string>;
};
export type ReferenceHistory = { runs: readonly RunFacts[]; corrections: readonly CorrectionFacts[] };

/** The group's latest correction made strictly after `after` (null: any time), or null. */
export function correctionInEffect<C extends Pick<CorrectionFacts, "id" | "groupId" | "createdAt">>(
  corrections: readonly C[],
  groupId: number,
  after: Date | null,
): C | null {
  let found: C | null = null;
  for (const c of corrections) {
    if (c.groupId !== groupId || (after !== null && c.createdAt.getTime() <= after.getTime())) continue;
    if (found === null || c.id > found.id) found = c;
  }
  return found;
}

export type PairKey = { groupId: number; language: string; runId: number | null };
export type PairReference = { correctionId: number | null; responseId: number | null; cons: number | null };

/**
 * The reference a pair was scored against and its Cons: the correction in effect's (its own score for
 * it; a correction back to the run's rule reads as the run's reference, with no Cons), else the pair's run's.
 */
export function pairReference(h: ReferenceHistory, pair: PairKey): PairReference {
  const run = pair.runId === null ? undefined : h.runs.find((r) => r.id === pair.runId);
  const runRef = run?.references.get(pair.groupId) ?? null;
  const c = correctionInEffect(h.corrections, pair.groupId, run?.finishedAt ?? null);
  if (c === null) return { correctionId: null, responseId: runRef?.responseId ?? null, cons: runRef?.cons ?? null };
  const cons = c.responseId === null ? null : (c.scores.get(c.responseId) ?? (c.responseId === runRef?.responseId ? runRef.cons : null));
  return { correctionId: c.id, responseId: c.responseId ?? runRef?.responseId ?? null, cons };
}

/** Where a pair's automatic proposal comes from: the correction in effect's, else its run's, else none. */
export function autoProposalSource(h: ReferenceHistory, pair: PairKey): { correctionId: number } | { runId: number } | null {
  const run = pair.runId === null ? undefined : h.runs.find((r) => r.id === pair.runId);
  const c = correctionInEffect(h.corrections, pair.groupId, run?.finishedAt ?? null);
  if (c?.proposals.has(pair.language)) return { correctionId: c.id };
  if (run?.proposals.has(`${pair.groupId}:${pair.language}`)) return { runId: run.id };
  return null;
}

/** The latest succeeded select run that chose (or skipped) a reference for the group: its config governs recomputes. */
export function sourceRun(h: ReferenceHistory, groupId: number): RunFacts | null {
  let found: RunFacts | null = null;
  for (const r of h.runs) {
    if (r.kind !== "select" || r.status !== "succeeded" || !r.references.has(groupId)) continue;
    if (found === null || r.id > found.id) found = r;
  }
  return found;
}

export type GroupReference = { correctionId: number | null; runId: number | null; responseId: number | null };

/** The group's reference (the group page, a new correction's "previous"): as `pairReference` for a pair of the source run. */
export function groupReference(h: ReferenceHistory, groupId: number): GroupReference {
  const run = sourceRun(h, groupId);
  const c = correctionInEffect(h.corrections, groupId, run?.finishedAt ?? null);
  if (c !== null) return { correctionId: c.id, runId: run?.id ?? null, responseId: c.responseId };
  return { correctionId: null, runId: run?.id ?? null, responseId: run?.references.get(groupId)?.responseId ?? null };
}
