"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

/** `passwordChangeOnly`: the user must change a one-time password first, so only sign-out is offered. */
export function UserMenu({ name, role, passwordChangeOnly = false }: { name: string; role: string; passwordChangeOnly?: boolean }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <div className="ml-auto flex items-center gap-3 text-sm" data-testid="user-menu">
      {passwordChangeOnly ? (
        <span className="text-slate-700">{name}</span>
      ) : (
        <Link prefetch={false} href="/account" className="text-slate-700 hover:text-slate-900">
          {name}
        </Link>
      )}
      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600" data-testid="user-role">
        {role}
      </span>
      {!passwordChangeOnly && (
        <Link prefetch={false} href="/settings/tokens" className="text-slate-600 hover:text-slate-900">
          API tokens
        </Link>
      )}
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
            router.replace("/login");
            router.refresh();
          })
        }
        className="text-slate-600 hover:text-slate-900 disabled:opacity-50"
      >
        Sign out
      </button>
    </div>
  );
}
