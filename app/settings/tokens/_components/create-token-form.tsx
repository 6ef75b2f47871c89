"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createTokenAction } from "../actions";

export function CreateTokenForm() {
  const [created, setCreated] = useState<{ token: string; prefix: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <div className="space-y-3">
      <form
        aria-label="Create API token"
        className="flex flex-wrap items-end gap-2"
        action={(form) =>
          start(async () => {
            const result = await createTokenAction({ name: String(form.get("name") ?? "") });
            setCopied(false);
            if (result.ok) {
              setCreated({ token: result.data.token, prefix: result.data.prefix });
              setError(null);
              router.refresh();
            } else {
              setCreated(null);
              setError(result.error);
            }
          })
        }
      >
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Name
          <input
            name="name"
            required
            maxLength={100}
            placeholder="e.g. laptop CLI"
            className="w-64 rounded border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <button disabled={pending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {created && (
        <div role="status" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="new-token">
          <p className="font-medium text-amber-900">Copy this token now: it will not be shown again.</p>
          <div className="flex items-center gap-2">
            <input
              readOnly
              value={created.token}
              aria-label="New API token"
              className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50"
              onClick={async () => {
                await navigator.clipboard.writeText(created.token);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
          <pre className="overflow-x-auto rounded bg-white p-2 text-xs text-slate-700">{`export CM_SERVER_URL=${typeof window === "undefined" ? "" : window.location.origin}
export CM_API_TOKEN=<the token above>
npm run cli -- stats --dataset demo --json`}</pre>
        </div>
      )}
    </div>
  );
}
