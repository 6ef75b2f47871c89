"use client";

import { useEffect, useRef } from "react";

type Options = {
  /** The lease held now, or null. */
  leaseId: number | null;
  /** The lease's length as the server gave it at the claim (heartbeats extend it by as much). */
  leaseMs: number;
  /** Extends the lease; the page learns the new time left or that it expired. */
  heartbeat: (leaseId: number) => Promise<void>;
};

const ACTIVITY = ["keydown", "pointerdown", "wheel", "scroll", "touchstart"] as const;

/**
 * Keeps the lease while the reviewer works on the page: a heartbeat every quarter lease (at most a
 * minute apart) while the page is visible and the reviewer touched it within the last lease length; a
 * reviewer who walked away loses the pair when the lease runs out. Leaving the page (closing the tab,
 * navigating elsewhere) gives the pair back at once.
 */
export function useLease({ leaseId, leaseMs, heartbeat }: Options): void {
  const lastActive = useRef(0);
  const beat = useRef(heartbeat);
  useEffect(() => {
    beat.current = heartbeat;
  });

  useEffect(() => {
    const touch = () => {
      lastActive.current = Date.now();
    };
    for (const kind of ACTIVITY) window.addEventListener(kind, touch, { passive: true, capture: true });
    return () => {
      for (const kind of ACTIVITY) window.removeEventListener(kind, touch, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (leaseId === null) return;
    lastActive.current = Date.now(); // taking a pair is activity
    const every = Math.min(60_000, Math.max(5_000, leaseMs / 4));
    const tick = setInterval(() => {
      if (document.visibilityState === "visible" && Date.now() - lastActive.current < leaseMs) void beat.current(leaseId);
    }, every);
    // keepalive: the request outlives the page being closed.
    const release = () => void fetch(`/api/v1/leases/${leaseId}`, { method: "DELETE", keepalive: true }).catch(() => undefined);
    window.addEventListener("pagehide", release);
    return () => {
      clearInterval(tick);
      window.removeEventListener("pagehide", release);
    };
  }, [leaseId, leaseMs]);

  // Leaving the Review page inside the app (the component unmounts) gives the held pair back too.
  const held = useRef(leaseId);
  useEffect(() => {
    held.current = leaseId;
  }, [leaseId]);
  useEffect(
    () => () => {
      if (held.current !== null) void fetch(`/api/v1/leases/${held.current}`, { method: "DELETE", keepalive: true }).catch(() => undefined);
    },
    [],
  );
}
