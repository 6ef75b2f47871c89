"use client";

import { useState, useTransition } from "react";

const field = "w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

function messageFor(status: number, retryAfter: string | null): string {
  if (status === 429) return `Too many sign-in attempts. Try again in ${retryAfter ?? "a few"} seconds.`;
  if (status === 401 || status === 400) return "Wrong email or password.";
  if (status === 403) return "This account is disabled; ask an admin.";
  return "Sign-in failed; see the server log.";
}

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      aria-label="Sign in"
      className="flex flex-col gap-3"
      // onSubmit, not action: a form action would clear the email after a failed attempt.
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        start(async () => {
          setError(null);
          // better-auth's endpoint (rate limited per client IP); it sets the httpOnly session cookie.
          const res = await fetch("/api/auth/sign-in/email", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") }),
          });
          if (!res.ok) return setError(messageFor(res.status, res.headers.get("x-retry-after")));
          // A full load, so the layout and every server component see the new session.
          window.location.assign(next);
        });
      }}
    >
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        Email
        <input name="email" type="email" autoComplete="username" required className={field} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      <button disabled={pending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
