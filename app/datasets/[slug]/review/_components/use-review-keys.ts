"use client";

import { useEffect, useRef, useState } from "react";

export type KeyCommands = {
  accept(): void;
  swap(): void;
  reject(): void;
  flag(): void;
  undo(): void;
  next(): void;
  prev(): void;
  choose(side: "chosen" | "rejected", n: number): void;
  toggleHelp(): void;
  escape(): void;
};

const NOT_TEXT = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"]);

/** True while the reviewer types into a text field: then no shortcut may fire. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}

/** The queue's keyboard shortcuts; `c`/`x` wait for a candidate number. Returns the pending prefix. */
export function useReviewKeys(commands: KeyCommands): "c" | "x" | null {
  const ref = useRef(commands);
  const prefix = useRef<"c" | "x" | null>(null);
  const [pending, setPending] = useState<"c" | "x" | null>(null);
  useEffect(() => {
    ref.current = commands;
  });
  useEffect(() => {
    const setPrefix = (p: "c" | "x" | null) => {
      prefix.current = p;
      setPending(p);
    };
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return;
      const c = ref.current;
      const p = prefix.current;
      if (p) {
        setPrefix(null);
        if (/^[1-9]$/.test(e.key)) {
          e.preventDefault();
          c.choose(p === "c" ? "chosen" : "rejected", Number(e.key));
          return;
        }
      }
      const action: Record<string, () => void> = {
        a: c.accept,
        s: c.swap,
        r: c.reject,
        f: c.flag,
        u: c.undo,
        j: c.next,
        k: c.prev,
        "?": c.toggleHelp,
        Escape: c.escape,
        c: () => setPrefix("c"),
        x: () => setPrefix("x"),
      };
      const run = action[e.key];
      if (!run) return;
      e.preventDefault();
      run();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return pending;
}
