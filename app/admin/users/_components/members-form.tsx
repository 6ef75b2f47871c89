"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setMembersAction } from "../actions";

export function MembersForm({ slug, name, emails }: { slug: string; name: string; emails: string[] }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      aria-label={`Members of ${slug}`}
      className="flex flex-wrap items-end gap-3"
      action={(form) =>
        start(async () => {
          const result = await setMembersAction({ slug, emails: String(form.get("emails") ?? "") });
          setMessage(
            result.ok
              ? {
                  ok: true,
                  text: result.data.members ? `Restricted to ${result.data.members} member(s).` : "Open to every signed-in user.",
                }
              : { ok: false, text: result.error },
          );
          if (result.ok) router.refresh();
        })
      }
    >
      <label className="flex min-w-80 flex-1 flex-col gap-1 text-xs text-slate-600">
        <span>
          {name} <span className="font-mono">({slug})</span>: member emails, comma separated (empty: open)
        </span>
        <input
          name="emails"
          defaultValue={emails.join(", ")}
          className="rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm"
        />
      </label>
      <button disabled={pending} className="rounded bg-slate-700 px-3 py-1 text-sm text-white disabled:opacity-50">
        Save members
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
