"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ROLES } from "@/lib/auth/roles";
import { createUserAction } from "../actions";
import { LANGUAGES_LABEL } from "./languages-form";

const field = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const label = "flex flex-col gap-1 text-xs text-slate-600";

export function CreateUserForm() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      aria-label="New user"
      className="grid gap-3 sm:grid-cols-2"
      action={(form) =>
        start(async () => {
          const email = String(form.get("email") ?? "");
          const result = await createUserAction({
            email,
            name: String(form.get("name") ?? ""),
            role: String(form.get("role") ?? ""),
            password: String(form.get("password") ?? ""),
            languages: String(form.get("languages") ?? ""),
          });
          setMessage(
            result.ok
              ? { ok: true, text: `Created ${email}. Give them the initial password; they must change it at first sign-in.` }
              : { ok: false, text: result.error },
          );
          if (result.ok) router.refresh();
        })
      }
    >
      <label className={label}>
        Email
        <input name="email" type="email" required className={field} />
      </label>
      <label className={label}>
        Name
        <input name="name" required className={field} />
      </label>
      <label className={label}>
        Role
        <select name="role" defaultValue="reviewer" className={field}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label className={label}>
        Initial password (at least 10 characters; they must replace it at first sign-in)
        <input name="password" type="password" autoComplete="new-password" minLength={10} required className={field} />
      </label>
      <label className={`${label} sm:col-span-2`}>
        {LANGUAGES_LABEL}
        <input name="languages" placeholder="e.g. de, ar" className={`${field} font-mono`} />
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button disabled={pending} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          {pending ? "Creating…" : "Create user"}
        </button>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
