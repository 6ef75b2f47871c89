"use client";

import { useState, useTransition } from "react";

const field = "w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function ChangePasswordForm({ after }: { after: string | null }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      aria-label="Change password"
      className="flex max-w-sm flex-col gap-3"
      // onSubmit rather than `action`: React resets a form after its action, which would clear what was typed.
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        start(async () => {
          const newPassword = String(form.get("newPassword") ?? "");
          if (newPassword !== String(form.get("confirm") ?? "")) return setMessage({ ok: false, text: "The two new passwords differ." });
          // better-auth checks the current password, stores the new hash and ends the other sessions.
          const res = await fetch("/api/auth/change-password", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword, revokeOtherSessions: true }),
          });
          if (!res.ok) {
            const body = (await res.json().catch(() => ({}))) as { message?: string };
            const text = res.status === 429 ? "Too many attempts; wait a minute." : (body.message ?? "The password was not changed.");
            return setMessage({ ok: false, text });
          }
          setMessage({ ok: true, text: "Password changed." });
          if (after) window.location.assign(after);
        });
      }}
    >
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        Current password
        <input name="currentPassword" type="password" autoComplete="current-password" required className={field} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        New password (at least 10 characters)
        <input name="newPassword" type="password" autoComplete="new-password" minLength={10} required className={field} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        New password again
        <input name="confirm" type="password" autoComplete="new-password" minLength={10} required className={field} />
      </label>
      <button disabled={pending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Changing…" : "Change password"}
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
