"use client";

import { diffWords } from "diff";
import { useMemo } from "react";
import { directionOf } from "@/lib/text-direction";

const MAX_DIFF_CHARS = 20_000;

/** Word-level diff from `before` (rejected) to `after` (chosen), rendered as text only. */
export function WordDiff({ before, after, lang }: { before: string; after: string; lang: string }) {
  const parts = useMemo(() => {
    if (before.length + after.length > MAX_DIFF_CHARS) return null;
    const intlSegmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(lang, { granularity: "word" }) : undefined;
    return diffWords(before, after, { intlSegmenter, timeout: 200 }) ?? null;
  }, [before, after, lang]);
  if (!parts) return <p className="text-sm text-slate-500">The texts are too long to diff here.</p>;
  return (
    <div lang={lang} dir={directionOf(lang)} className="model-text whitespace-pre-wrap text-sm" data-testid="word-diff">
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">
            {p.value}
          </ins>
        ) : p.removed ? (
          <del key={i} className="bg-rose-100 text-rose-900">
            {p.value}
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </div>
  );
}
