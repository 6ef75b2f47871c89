// How the votes on a pair settle it (team review). A vote prefers one of the pair's two responses
// (by id), or says `tie` or `both_bad`; an adjudicator's verdict overrides the votes.

export type Preference = number | "tie" | "both_bad";

export type Consensus = "pending" | "unanimous" | "majority" | "disputed" | "adjudicated";

export type ConsensusResult = {
  consensus: Consensus;
  /** What the pair settled on; null while pending or disputed. */
  preferred: Preference | null;
};

/** The label of a preference relative to the method's pair (what agreement is measured over). */
export type MethodLabel = "agree" | "disagree" | "tie" | "both_bad";

export function methodLabel(preferred: Preference, methodChosenId: number | null): MethodLabel {
  if (preferred === "tie" || preferred === "both_bad") return preferred;
  return preferred === methodChosenId ? "agree" : "disagree";
}

/**
 * The consensus of a pair's votes under a plan asking `votesPerPair` votes: `adjudicated` once an
 * adjudicator decided; `pending` until enough votes are in; then `unanimous` when all agree,
 * `majority` when one preference has more than half the votes, else `disputed`.
 */
export function consensusOf(votes: readonly Preference[], votesPerPair: number, adjudication: Preference | null = null): ConsensusResult {
  if (adjudication !== null) return { consensus: "adjudicated", preferred: adjudication };
  if (votes.length === 0 || votes.length < votesPerPair) return { consensus: "pending", preferred: null };
  const counts = new Map<Preference, number>();
  for (const v of votes) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (counts.size === 1) return { consensus: "unanimous", preferred: votes[0]! };
  let top: Preference = votes[0]!;
  for (const [p, n] of counts) if (n > counts.get(top)!) top = p;
  if (counts.get(top)! * 2 > votes.length) return { consensus: "majority", preferred: top };
  return { consensus: "disputed", preferred: null };
}

export type SettledPair = { status: "accepted" | "rejected"; chosenId: number; rejectedId: number };

/**
 * The effective pair a settled preference gives: the preferred response chosen and the other
 * rejected; `tie` or `both_bad` keep the responses and mark the pair rejected. null = the votes do
 * not settle the pair (pending, disputed), or the preference names neither response.
 */
export function settlePair(pair: { chosenId: number; rejectedId: number }, result: ConsensusResult): SettledPair | null {
  const p = result.preferred;
  if (p === null) return null;
  if (p === "tie" || p === "both_bad") return { status: "rejected", chosenId: pair.chosenId, rejectedId: pair.rejectedId };
  if (p === pair.chosenId) return { status: "accepted", chosenId: pair.chosenId, rejectedId: pair.rejectedId };
  if (p === pair.rejectedId) return { status: "accepted", chosenId: pair.rejectedId, rejectedId: pair.chosenId };
  return null;
}
