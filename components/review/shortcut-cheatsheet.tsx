export const SHORTCUTS: [string, string][] = [
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

export function ShortcutCheatsheet({ onClose }: { onClose: () => void }) {
  return (
    <div
      role="dialog"
      aria-label="Keyboard shortcuts"
      className="fixed inset-0 z-10 flex items-center justify-center bg-slate-900/30"
      onClick={onClose}
    >
      <div className="rounded-lg bg-white p-5 shadow-lg" onClick={(e) => e.stopPropagation()}>
        <h2 className="mb-3 font-semibold">Keyboard shortcuts</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {SHORTCUTS.map(([key, what]) => (
            <div key={key} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-500">Shortcuts never fire while you type in a text field.</p>
      </div>
    </div>
  );
}
