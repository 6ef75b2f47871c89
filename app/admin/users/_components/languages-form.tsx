"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setLanguagesAction } from "../actions";

export const LANGUAGES_LABEL = "Review languages (codes separated by commas; empty = all languages)";

/** A user's review languages: the team review queue hands them pairs in these only (empty = all). */
export function LanguagesForm({ userId, email, languages }: { userId: number; email: string; languages: string[] }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      aria-label={`Review languages of ${email}`}
      className="flex flex-wrap items-center gap-2"
      action={(form) =>
        start(async () => {
          const result = await setLanguagesAction({ userId, languages: String(form.get("languages") ?? "") });
          setMessage(
            result.ok
              ? { ok: true, text: result.data.languages.length ? `Reviews ${result.data.languages.join(", ")}.` : "Reviews all languages." }
              : { ok: false, text: result.error },
          );
          if (result.ok) router.refresh();
        })
      }
    >
      <input
        name="languages"
        aria-label={`Review languages of ${email} (empty = all)`}
        title={LANGUAGES_LABEL}
        placeholder="all"
        defaultValue={languages.join(", ")}
        className="w-28 rounded border border-slate-300 bg-white px-1 py-0.5 font-mono text-xs"
      />
      <button disabled={pending} className="rounded bg-slate-700 px-2 py-0.5 text-xs text-white disabled:opacity-50">
        Save
      </button>
      {message && (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-xs text-emerald-700" : "text-xs text-red-700"}>
          {message.text}
        </span>
      )}
    </form>
  );
}
