"use client";

import { useState } from "react";

/** The reason for a flag; Enter saves, Escape cancels (shortcuts are off while typing here). */
export function FlagForm({ onSubmit, onCancel }: { onSubmit: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  return (
    <form
      className="flex items-center gap-2 rounded bg-rose-50 p-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onSubmit(reason.trim());
      }}
    >
      <label className="flex flex-1 items-center gap-2">
        Flag reason
        <input
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          onKeyDown={(e) => {
            if (e.key === "Escape") onCancel();
          }}
          className="flex-1 rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <button type="submit" className="rounded bg-rose-600 px-2 py-1 text-white">
        Flag
      </button>
    </form>
  );
}
