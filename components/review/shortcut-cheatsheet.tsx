"use client";

import { ModalDialog } from "./modal-dialog";

export type Shortcuts = readonly (readonly [key: string, what: string])[];

export const SHORTCUTS: Shortcuts = [
  ["a", "accept the pair as shown"],
  ["s", "swap chosen and rejected"],
  ["r", "reject the pair"],
  ["c then 1–9", "make candidate N the chosen response"],
  ["x then 1–9", "make candidate N the rejected response"],
  ["f", "flag with a reason (Enter saves, Esc cancels)"],
  ["u", "undo your last decision (or the pair's latest)"],
  ["j / k", "next / previous pair (j also skips)"],
  ["?", "show or hide this cheatsheet"],
  ["Esc", "close the cheatsheet or cancel a pending c / x"],
];

export const VOTE_SHORTCUTS: Shortcuts = [
  ["a", "prefer response A"],
  ["b", "prefer response B"],
  ["t", "tie: both equally good"],
  ["x", "both bad"],
  ["n", "write a reason for your next vote (Enter returns to the keys)"],
  ["j", "skip this pair: give it back and take the next"],
  ["?", "show or hide this cheatsheet"],
  ["Esc", "close the cheatsheet, or leave the reason field"],
];

/** The queue's shortcuts in a modal dialog: while it is open only Esc and `?` act (both close it). */
export function ShortcutCheatsheet({ onClose, shortcuts = SHORTCUTS }: { onClose: () => void; shortcuts?: Shortcuts }) {
  return (
    <ModalDialog label="Keyboard shortcuts" onClose={onClose} testId="shortcut-cheatsheet">
      <h2 className="mb-3 font-semibold">Keyboard shortcuts</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {shortcuts.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-500">Shortcuts never fire while you type in a text field.</p>
      <form method="dialog" className="mt-3 text-right">
        <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50">
          Close <kbd className="font-mono text-xs">Esc</kbd>
        </button>
      </form>
    </ModalDialog>
  );
}
