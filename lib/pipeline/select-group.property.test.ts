import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TSelectConfigInput } from "./config";
import { answersEqual } from "./answer";
import { isOffTarget } from "./language";
import { selectGroup } from "./select-group";
import type { Candidate, GroupInput, GroupSelection } from "./types";

const LANGS = ["en", "de", "sw"] as const;

const candidateArb = (id: string) =>
  fc
    .record({
      lang: fc.constantFrom(...LANGS),
      sampleIndex: fc.integer({ min: 0, max: 5 }),
      text: fc.constantFrom(
        "",
        " ",
        "the answer is 18",
        "jibu ni 18",
        "die Antwort ist 20",
        "18",
        "20 apples",
        "abc",
        "abd",
        "الجواب ١٨",
        "答案是 20",
      ),
      detected: fc.constantFrom("same", "en", "null"),
      answer: fc.constantFrom("18", "20", null),
      vector: fc.option(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }), { nil: null }),
    })
    .map(
      (r): Candidate => ({
        id,
        lang: r.lang,
        sampleIndex: r.sampleIndex,
        text: r.text,
        detectedLang: r.detected === "same" ? r.lang : r.detected === "en" ? "en" : null,
        answer: r.answer,
        vector: r.vector === null ? null : Float32Array.from(r.vector),
      }),
    );

const groupArb: fc.Arbitrary<GroupInput> = fc
  .integer({ min: 0, max: 14 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidateArb(`c${i}`))))
  .chain((candidates) =>
    fc.record({ groupId: fc.string({ maxLength: 4 }), gold: fc.constantFrom("18", null), candidates: fc.constant(candidates) }),
  );

const configArb: fc.Arbitrary<TSelectConfigInput> = fc.record({
  scorer: fc.constantFrom("auto", "embedding", "answer", "lexical"),
  margin: fc.constantFrom(0, 0.01, 0.3, 1),
  languageGuard: fc.boolean(),
  reference: fc.constantFrom("consistency", "first", "random", "gold"),
  pairs: fc.constantFrom("consistency", "random"),
  seed: fc.integer({ min: 0, max: 5 }),
  englishPairs: fc.boolean(),
  secondary: fc.constantFrom("lexical", "embedding"),
  surfaceVectors: fc.boolean(),
});

const byId = (g: GroupInput) => new Map(g.candidates.map((c) => [c.id, c]));

describe("selectGroup invariants", () => {
  it("does not depend on the order of the candidates", () => {
    fc.assert(
      fc.property(groupArb, configArb, fc.infiniteStream(fc.nat()), (g, config, keys) => {
        const it = keys[Symbol.iterator]();
        const shuffled = g.candidates
          .map((c) => ({ c, k: it.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.c);
        expect(selectGroup({ ...g, candidates: shuffled }, config)).toEqual(selectGroup(g, config));
      }),
    );
  });

  it("score pairs have chosen ≥ rejected and respect the margin; guard pairs reject an off-target response", () => {
    fc.assert(
      fc.property(groupArb, configArb, (g, config) => {
        const s = selectGroup(g, config);
        const cands = byId(g);
        for (const d of s.decisions) {
          if (d.kind !== "pair") continue;
          expect(d.chosenId).not.toBe(d.rejectedId);
          expect(cands.get(d.chosenId)?.text.trim()).not.toBe(cands.get(d.rejectedId)?.text.trim());
          expect(d.margin).toBe(d.scoreChosen - d.scoreRejected);
          if (d.basis === "score") {
            expect(d.scoreChosen).toBeGreaterThanOrEqual(d.scoreRejected);
            expect(d.margin).toBeGreaterThanOrEqual(config.margin ?? 0);
          }
          if (d.basis === "language_guard") expect(isOffTarget(cands.get(d.rejectedId) ?? { detectedLang: null }, d.lang)).toBe(true);
        }
      }),
    );
  });

  it("with the guard on, an off-target response is never chosen nor the reference", () => {
    fc.assert(
      fc.property(groupArb, configArb, (g, config) => {
        const s = selectGroup(g, { ...config, languageGuard: true });
        const cands = byId(g);
        for (const d of s.decisions) {
          if (d.kind === "pair") expect(isOffTarget(cands.get(d.chosenId) ?? { detectedLang: null }, d.lang)).toBe(false);
        }
        const ref = s.reference === null ? undefined : cands.get(s.reference.candidateId);
        if (ref !== undefined) expect(isOffTarget(ref, ref.lang)).toBe(false);
      }),
    );
  });

  it("empty responses are never the reference, never scored, never paired; every language is decided once", () => {
    fc.assert(
      fc.property(groupArb, configArb, (g, config) => {
        const s = selectGroup(g, config);
        const cands = byId(g);
        const empty = (id: string) => (cands.get(id)?.text.trim() ?? "") === "";
        if (s.reference !== null) {
          expect(empty(s.reference.candidateId)).toBe(false);
          expect(cands.get(s.reference.candidateId)?.lang).toBe("en");
        }
        for (const sc of s.scores) expect(empty(sc.candidateId)).toBe(false);
        for (const d of s.decisions) if (d.kind === "pair") expect(empty(d.chosenId) || empty(d.rejectedId)).toBe(false);
        const langs = [...new Set(g.candidates.map((c) => c.lang))].filter((l) => l !== "en").sort();
        const decided = s.decisions.map((d) => d.lang).filter((l) => l !== "en");
        expect(decided).toEqual(langs);
      }),
    );
  });

  it("answer scorer: the tie-break never reorders agreement classes", () => {
    fc.assert(
      fc.property(groupArb, (g) => {
        const s = selectGroup(g, { scorer: "answer" });
        const cands = byId(g);
        const english = s.scores.filter((x) => x.kind === "cons").map((x) => ({ ...x, c: cands.get(x.candidateId) }));
        const agree = (a: Candidate | undefined) =>
          a?.answer == null ? 0 : english.filter((o) => o.c !== a && o.c?.answer === a.answer).length;
        for (const x of english) for (const y of english) if (agree(x.c) > agree(y.c)) expect(x.score).toBeGreaterThan(y.score);
        const k = english.length - 1;
        for (const x of english) {
          if (k === 0) continue;
          const share = agree(x.c) / k;
          const [low, high] = share === 1 ? [1 - 0.01 / k, 1] : [share, share + 0.01 / k];
          expect(x.score).toBeGreaterThanOrEqual(low - 1e-12);
          expect(x.score).toBeLessThanOrEqual(high + 1e-12);
        }
        const refAnswer = s.reference === null ? null : cands.get(s.reference.candidateId)?.answer;
        for (const x of s.scores.filter((sc) => sc.kind === "cl")) {
          const matches = refAnswer != null && cands.get(x.candidateId)?.answer === refAnswer;
          if (matches) expect(x.score).toBeGreaterThanOrEqual(0.99);
          else expect(x.score).toBeLessThanOrEqual(0.01);
        }
      }),
    );
  });

  it("gold reference: its answer is the gold; it is the consistency reference whenever that one has the gold answer", () => {
    fc.assert(
      fc.property(groupArb, configArb, (g, config) => {
        const gold = selectGroup(g, { ...config, reference: "gold" });
        const method = selectGroup(g, { ...config, reference: "consistency" });
        const cands = byId(g);
        const answer = (s: GroupSelection) => (s.reference === null ? null : (cands.get(s.reference.candidateId)?.answer ?? null));
        if (gold.reference !== null) expect(answersEqual(answer(gold), g.gold)).toBe(true);
        else
          for (const d of gold.decisions)
            expect(d).toMatchObject({ kind: "skip", reason: expect.stringMatching(/^no_(gold_)?reference$/) });
        if (answersEqual(answer(method), g.gold)) expect(gold).toEqual(method);
      }),
    );
  });

  it("every Cons and CL is in its documented range: [0, 1] for answer and lexical, the cosine's [−1, 1] for embedding", () => {
    fc.assert(
      fc.property(groupArb, configArb, (g, config) => {
        const s = selectGroup(g, config);
        const low = s.scorer === "embedding" ? -1 : 0;
        for (const x of s.scores) {
          expect(x.score).toBeGreaterThanOrEqual(low);
          expect(x.score).toBeLessThanOrEqual(1);
        }
        if (s.reference !== null) expect(s.reference.cons).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("answer scorer: a consistency pair's chosen response has the reference's answer; no_agreement means no on-target one has it", () => {
    fc.assert(
      fc.property(groupArb, configArb, (g, config) => {
        const s = selectGroup(g, { ...config, scorer: "answer", pairs: "consistency" });
        const cands = byId(g);
        const refAnswer = s.reference === null ? null : (cands.get(s.reference.candidateId)?.answer ?? null);
        const scored = new Set(s.scores.map((x) => x.candidateId));
        for (const d of s.decisions) {
          if (d.lang === "en") continue;
          if (d.kind === "pair") expect(cands.get(d.chosenId)?.answer).toBe(refAnswer);
          if (d.kind === "skip" && d.reason === "no_agreement") {
            const supported = g.candidates.filter(
              (c) =>
                c.lang === d.lang &&
                scored.has(c.id) &&
                c.answer !== null &&
                c.answer === refAnswer &&
                !(config.languageGuard !== false && isOffTarget(c, c.lang)),
            );
            expect(supported).toEqual([]);
            expect(d.detail).toMatch(new RegExp(`^reference answer ${refAnswer ?? "none"}; answers seen: `));
          }
        }
      }),
    );
  });
});
