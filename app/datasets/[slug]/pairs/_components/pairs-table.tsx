"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { LanguageBadge } from "@/components/language-badge";
import { LanguageText } from "@/components/language-text";
import { PairFlags } from "@/components/review/pair-flags";
import { PairMargin } from "@/components/scores/pair-margin";
import { SORT_COLUMNS } from "@/lib/pairs/constants";
import type { PairRow } from "@/lib/pairs/queries";
import { MatchSnippet } from "@/components/review/match-snippet";

const col = createColumnHelper<PairRow>();
const num = (n: number | null) => (n === null ? "–" : n.toFixed(3));

function columnsFor(slug: string, reviewQuery: string, q: string | undefined) {
  const sep = reviewQuery ? "&" : "";
  return [
    col.accessor("groupId", {
      id: "group",
      header: "Group",
      cell: (c) => (
        <Link
          prefetch={false}
          className="whitespace-nowrap font-mono text-indigo-700 hover:underline"
          href={`/datasets/${slug}/groups/${c.getValue()}`}
        >
          {c.row.original.externalId}
        </Link>
      ),
    }),
    col.accessor("language", { header: "Language", cell: (c) => <LanguageBadge lang={c.getValue()} /> }),
    col.accessor("status", { header: "Status" }),
    col.accessor("origin", { header: "Origin" }),
    col.accessor("margin", {
      header: "Margin",
      cell: (c) => (
        <span className="font-mono">
          <PairMargin margin={c.getValue()} basis={c.row.original.basis} />
        </span>
      ),
    }),
    col.accessor("scoreChosen", { header: "Score chosen", cell: (c) => <span className="font-mono">{num(c.getValue())}</span> }),
    col.accessor("scoreRejected", { header: "Score rejected", cell: (c) => <span className="font-mono">{num(c.getValue())}</span> }),
    col.accessor("consensus", {
      header: "Consensus",
      cell: (c) => {
        const votes = c.row.original.votes;
        if (c.getValue() === "pending" && votes === 0) return <span className="text-slate-400">–</span>;
        return (
          <span className="whitespace-nowrap" title={`${votes} vote${votes === 1 ? "" : "s"}`}>
            {c.getValue()}
            {votes > 0 && <span className="text-slate-500"> · {votes}</span>}
          </span>
        );
      },
    }),
    col.display({ id: "flags", header: "Flags", cell: (c) => <PairFlags pair={c.row.original} cons={c.row.original.cons} /> }),
    col.accessor("prompt", {
      header: "Prompt",
      cell: (c) => (
        <>
          {c.getValue() === null ? (
            "–"
          ) : (
            <LanguageText as="span" lang={c.row.original.language} text={c.getValue()!} className="line-clamp-1 max-w-md" />
          )}
          {q && c.row.original.match && <MatchSnippet match={c.row.original.match} term={q} />}
        </>
      ),
    }),
    col.display({
      id: "review",
      header: "Review",
      cell: (c) => (
        <Link
          prefetch={false}
          className="text-indigo-700 hover:underline"
          href={`/datasets/${slug}/review?${reviewQuery}${sep}at=${c.row.original.id}`}
        >
          review
        </Link>
      ),
    }),
  ];
}

type Props = { slug: string; rows: PairRow[]; nextQuery: string | null; reviewQuery: string; q?: string };

export function PairsTable({ slug, rows, nextQuery, reviewQuery, q }: Props) {
  const columns = useMemo(() => columnsFor(slug, reviewQuery, q), [slug, reviewQuery, q]);
  return (
    <DataTable
      caption="Effective pairs"
      columns={columns}
      data={rows}
      getRowId={(r) => String(r.id)}
      sortable={SORT_COLUMNS}
      nextQuery={nextQuery}
    />
  );
}
