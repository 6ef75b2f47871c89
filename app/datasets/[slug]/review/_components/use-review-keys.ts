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

/**
 * The key a queue shortcut may act on, or null: none while typing or with a modifier held; with a
 * modal dialog open only `?` (Esc is the dialog's own: it closes it).
 */
function shortcutKey(e: KeyboardEvent): string | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return null;
  if (document.querySelector("dialog[open]") !== null && e.key !== "?") return null;
  return e.key;
}

/** Runs `onKey` for each key press a shortcut may act on; `onKey` returns whether it used the key. */
export function useShortcutKeys(onKey: (key: string) => boolean): void {
  const ref = useRef(onKey);
  useEffect(() => {
    ref.current = onKey;
  });
  useEffect(() => {
    function listener(e: KeyboardEvent) {
      const key = shortcutKey(e);
      if (key !== null && ref.current(key)) e.preventDefault();
    }
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}

/** The decision queue's keyboard shortcuts; `c`/`x` wait for a candidate number. Returns the pending prefix. */
export function useReviewKeys(commands: KeyCommands): "c" | "x" | null {
  const prefix = useRef<"c" | "x" | null>(null);
  const [pending, setPending] = useState<"c" | "x" | null>(null);
  const setPrefix = (p: "c" | "x" | null) => {
    prefix.current = p;
    setPending(p);
  };
  useShortcutKeys((key) => {
    const c = commands;
    const p = prefix.current;
    if (p) {
      setPrefix(null);
      if (/^[1-9]$/.test(key)) {
        c.choose(p === "c" ? "chosen" : "rejected", Number(key));
        return true;
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
    const run = action[key];
    run?.();
    return run !== undefined;
  });
  return pending;
}
