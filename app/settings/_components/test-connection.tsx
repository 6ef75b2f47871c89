"use client";

import { useState } from "react";

type Check = { ok: true; models: string[] } | { ok: false; error: string };

export function TestConnection() {
  const [check, setCheck] = useState<Check | null>(null);
  const [pending, setPending] = useState(false);
  async function test() {
    setPending(true);
    try {
      const res = await fetch("/settings/models", { cache: "no-store" });
      setCheck((await res.json()) as Check);
    } catch (e) {
      setCheck({ ok: false, error: e instanceof Error ? e.message : String(e) });
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="space-y-2 text-sm">
      <button type="button" onClick={test} disabled={pending} className="rounded border border-slate-300 px-3 py-1.5 disabled:opacity-50">
        {pending ? "Testing…" : "Test connection"}
      </button>
      {check?.ok === true && (
        <div role="status">
          <p className="text-emerald-700">Connected: {check.models.length} models.</p>
          <ul className="mt-1 list-inside list-disc font-mono text-xs text-slate-700" aria-label="Models">
            {check.models.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {check?.ok === false && (
        <p role="alert" className="text-red-700">
          {check.error}
        </p>
      )}
    </div>
  );
}
