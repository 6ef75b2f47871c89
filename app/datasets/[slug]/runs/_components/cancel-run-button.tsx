"use client";

import { useState, useTransition } from "react";
import { cancelRunAction } from "../actions";

export function CancelRunButton({ runId }: { runId: number }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <button
        disabled={pending}
        className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50 disabled:opacity-50"
        onClick={() =>
          start(async () => {
            const r = await cancelRunAction({ runId });
            setError(r.ok ? null : r.error);
          })
        }
      >
        Cancel
      </button>
      {error && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
