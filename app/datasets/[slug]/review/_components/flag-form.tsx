"use client";

import { useState } from "react";
import { ModalDialog } from "@/components/review/modal-dialog";

/** The reason for a flag, in a modal dialog; Enter saves, Esc cancels (shortcuts are off while typing here). */
export function FlagForm({ onSubmit, onCancel }: { onSubmit: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  return (
    <ModalDialog label="Flag this pair" onClose={onCancel}>
      <form
        className="flex w-[32rem] max-w-full flex-col gap-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) onSubmit(reason.trim());
        }}
      >
        <h2 className="font-semibold">Flag this pair</h2>
        <label className="flex flex-col gap-1">
          Flag reason
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-2 py-1">
            Cancel <kbd className="font-mono text-xs">Esc</kbd>
          </button>
          <button type="submit" className="rounded bg-rose-600 px-2 py-1 text-white">
            Flag <kbd className="font-mono text-xs">Enter</kbd>
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
