"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PairDetail } from "@/lib/pairs/detail";

type Options = {
  slug: string;
  query: string;
  initialIds: number[];
  initialNext: string | null;
  initialDetails: Record<number, PairDetail>;
};

const AHEAD = 2;

/**
 * The queue's pair ids (loaded page by page from the filter) and a cache of pair details that is
 * filled ahead of the reviewer, so moving on shows the next pair at once.
 */
export function usePairQueue({ slug, query, initialIds, initialNext, initialDetails }: Options) {
  const [ids, setIds] = useState(initialIds);
  const [details, setDetails] = useState<Record<number, PairDetail>>(initialDetails);
  const next = useRef(initialNext);
  const inFlight = useRef(new Set<number>());
  const loadingIds = useRef(false);

  const put = useCallback((d: PairDetail) => setDetails((all) => ({ ...all, [d.pair.id]: d })), []);

  const fetchDetail = useCallback(
    async (id: number) => {
      if (inFlight.current.has(id)) return;
      inFlight.current.add(id);
      try {
        const res = await fetch(`/api/datasets/${slug}/pairs/${id}`, { cache: "no-store" });
        if (res.ok) put((await res.json()) as PairDetail);
      } finally {
        inFlight.current.delete(id);
      }
    },
    [slug, put],
  );

  const loadMoreIds = useCallback(async () => {
    if (loadingIds.current || next.current === null) return;
    loadingIds.current = true;
    try {
      const res = await fetch(`/api/datasets/${slug}/pairs?${query}${query ? "&" : ""}size=100&after=${next.current}`, {
        cache: "no-store",
      });
      if (!res.ok) return;
      const page = (await res.json()) as { rows: { id: number }[]; next: string | null };
      next.current = page.next;
      setIds((old) => [...old, ...page.rows.map((r) => r.id).filter((id) => !old.includes(id))]);
    } finally {
      loadingIds.current = false;
    }
  }, [slug, query]);

  const prefetchAround = useCallback(
    (index: number) => {
      for (let i = index - 1; i <= index + AHEAD; i++) {
        const id = ids[i];
        if (id !== undefined && !details[id]) void fetchDetail(id);
      }
      if (index + 10 >= ids.length) void loadMoreIds();
    },
    [ids, details, fetchDetail, loadMoreIds],
  );

  return { ids, details, put, prefetchAround, hasMore: () => next.current !== null };
}

/** Keeps `at=<pair id>` in the address bar without a server round trip, so a reload stays on the pair. */
export function useAtInUrl(pairId: number | undefined) {
  useEffect(() => {
    if (pairId === undefined) return;
    const url = new URL(window.location.href);
    url.searchParams.set("at", String(pairId));
    window.history.replaceState(window.history.state, "", url);
  }, [pairId]);
}
