"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ROLES, type Role } from "@/lib/auth/roles";
import { setRoleAction } from "../actions";

export function RoleSelect({ userId, email, role }: { userId: number; email: string; role: Role }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <span className="inline-flex items-center gap-2">
      <select
        aria-label={`Role of ${email}`}
        defaultValue={role}
        disabled={pending}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 text-sm"
        onChange={(e) => {
          const next = e.target.value;
          start(async () => {
            const result = await setRoleAction({ userId, role: next });
            setError(result.ok ? null : result.error);
            router.refresh();
          });
        }}
      >
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
