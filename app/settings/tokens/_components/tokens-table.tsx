"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ApiTokenView } from "@/lib/auth/api-tokens";
import { Time } from "@/components/time";
import { revokeTokenAction } from "../actions";

const when = (d: Date | null) => (d ? <Time value={d} /> : "never");

function RevokeButton({ token }: { token: ApiTokenView }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        aria-label={`Revoke ${token.name}`}
        className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50 disabled:opacity-50"
        onClick={() => {
          if (!window.confirm(`Revoke "${token.name}" (${token.prefix}…)? Anything using it stops working at once.`)) return;
          start(async () => {
            const result = await revokeTokenAction({ tokenId: token.id });
            setError(result.ok ? null : result.error);
            if (result.ok) router.refresh();
          });
        }}
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {error && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      )}
    </>
  );
}

export function TokensTable({ tokens, showOwner, label }: { tokens: ApiTokenView[]; showOwner: boolean; label: string }) {
  if (tokens.length === 0) return <p className="text-sm text-slate-500">No tokens.</p>;
  return (
    <table aria-label={label} className="w-full text-left text-sm">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1 pr-3 font-normal">Name</th>
          {showOwner && <th className="py-1 pr-3 font-normal">User</th>}
          <th className="py-1 pr-3 font-normal">Token</th>
          <th className="py-1 pr-3 font-normal">Created</th>
          <th className="py-1 pr-3 font-normal">Last used</th>
          <th className="py-1 font-normal">Status</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} className="border-t border-slate-100">
            <td className="py-1.5 pr-3">{t.name}</td>
            {showOwner && <td className="py-1.5 pr-3">{t.userEmail}</td>}
            <td className="py-1.5 pr-3 font-mono text-xs">{t.prefix}…</td>
            <td className="py-1.5 pr-3 text-xs">{when(t.createdAt)}</td>
            <td className="py-1.5 pr-3 text-xs">{when(t.lastUsedAt)}</td>
            <td className="py-1.5">
              {t.revokedAt ? <span className="text-xs text-slate-500">revoked {when(t.revokedAt)}</span> : <RevokeButton token={t} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
