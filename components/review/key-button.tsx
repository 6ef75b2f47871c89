import type { ReactNode } from "react";

type Props = {
  label: string;
  shortcut: string;
  onClick: () => void;
  disabled?: boolean;
  tone?: "plain" | "primary" | "danger";
  children?: ReactNode;
};

const TONES = {
  plain: "border-slate-300 bg-white hover:bg-slate-50",
  primary: "border-indigo-600 bg-indigo-600 text-white hover:bg-indigo-700",
  danger: "border-rose-300 bg-white text-rose-800 hover:bg-rose-50",
};

/** An on-screen twin of a keyboard shortcut: the button shows its key and is named by its label. */
export function KeyButton({ label, shortcut, onClick, disabled = false, tone = "plain", children }: Props) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-keyshortcuts={shortcut}
      disabled={disabled}
      onClick={onClick}
      className={`inline-flex items-center gap-1.5 rounded border px-2 py-1 text-sm disabled:opacity-50 ${TONES[tone]}`}
    >
      {children ?? label}
      <kbd className="rounded border border-current/30 px-1 font-mono text-xs opacity-80">{shortcut}</kbd>
    </button>
  );
}
