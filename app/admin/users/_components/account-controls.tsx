"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { resetPasswordAction, setDisabledAction } from "../actions";

const button = "rounded border border-slate-300 px-2 py-0.5 text-xs disabled:opacity-50";

/** Disable / enable an account and reset its password (the one-time password is shown here once). */
export function AccountControls({ userId, email, disabled }: { userId: number; email: string; disabled: boolean }) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={button}
        disabled={pending}
        aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}
        onClick={() =>
          start(async () => {
            const result = await setDisabledAction({ userId, disabled: !disabled });
            setMessage(result.ok ? null : { error: true, text: result.error });
            router.refresh();
          })
        }
      >
        {disabled ? "Enable" : "Disable"}
      </button>
      <button
        type="button"
        className={button}
        disabled={pending}
        aria-label={`Reset the password of ${email}`}
        onClick={() => {
          if (!window.confirm(`Reset the password of ${email}? Their sessions end and their API tokens are revoked.`)) return;
          start(async () => {
            const result = await resetPasswordAction({ userId });
            setMessage(
              result.ok
                ? { error: false, text: `One-time password (shown once): ${result.data.oneTimePassword}` }
                : { error: true, text: result.error },
            );
          });
        }}
      >
        Reset password
      </button>
      {message && (
        <span
          role={message.error ? "alert" : "status"}
          className={`text-xs ${message.error ? "text-red-700" : "font-mono text-slate-700"}`}
        >
          {message.text}
        </span>
      )}
    </span>
  );
}
