export type Notice = { kind: "ok" | "conflict" | "error"; text: string };

const TONES = { ok: "bg-slate-100", conflict: "bg-amber-100 text-amber-900", error: "bg-red-100 text-red-800" };

/** The queue's last message: a status for what worked, an alert for a conflict or an error. */
export function QueueNotice({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <div
      role={notice.kind === "ok" ? "status" : "alert"}
      data-testid={`notice-${notice.kind}`}
      className={`rounded p-2 text-sm ${TONES[notice.kind]}`}
    >
      {notice.text}
    </div>
  );
}
