"use client";

import { useEffect, useRef, useState } from "react";
import { countdownText } from "./queue-wording";

const LOW_MS = 60_000;

/** The lease's time left, counting down each second; `onExpire` runs once when it reaches zero. */
export function LeaseTimer({ deadline, onExpire }: { deadline: number; onExpire: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const left = deadline - now;
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  });
  const expired = left <= 0;
  useEffect(() => {
    if (expired) expire.current();
  }, [expired]);
  return (
    <span
      role="timer"
      aria-label="Lease time left"
      data-testid="lease-timer"
      data-ms-left={Math.max(0, left)}
      title="The pair is yours until the lease runs out; it is extended while you work on this page"
      className={`rounded px-2 font-mono tabular-nums ${left < LOW_MS ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700"}`}
    >
      lease {countdownText(left)}
    </span>
  );
}
