"use client";

import { useSyncExternalStore } from "react";
import { formatTime } from "./time-format";

const subscribe = () => () => {};
/** The browser's zone; on the server (and while hydrating) UTC, so the server's HTML and the first client render agree. */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => "UTC";

/** A moment in the viewer's time zone, zone shown; the exact instant is in `dateTime` and the tooltip. */
export function Time({ value, className }: { value: Date | string; className?: string }) {
  const zone = useSyncExternalStore(subscribe, browserZone, serverZone);
  const at = typeof value === "string" ? new Date(value) : value;
  const iso = at.toISOString();
  return (
    <time dateTime={iso} title={`${iso} (${zone})`} className={`tabular-nums ${className ?? ""}`}>
      {formatTime(at, zone)}
    </time>
  );
}
