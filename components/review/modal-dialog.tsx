"use client";

import { type ReactNode, useLayoutEffect, useRef } from "react";

const FOCUSABLE =
  "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/** Tab past the last control comes back to the first (and Shift+Tab the other way), not out to the browser's own controls. */
function keepTabInside(dialog: HTMLDialogElement, e: { shiftKey: boolean; preventDefault(): void }) {
  const all = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const [first, last] = [all[0], all.at(-1)];
  if (!first || !last) return e.preventDefault();
  const at = document.activeElement;
  if (e.shiftKey ? at === first || at === dialog : at === last) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}

type Props = { label: string; onClose: () => void; children: ReactNode; testId?: string };

/**
 * A modal <dialog> opened with showModal(): the page behind it is inert (clicks do not reach it), Tab
 * cycles inside it, Esc closes it, and closing gives focus back to where it was. Shown while mounted.
 */
export function ModalDialog({ label, onClose, children, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      data-testid={testId}
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === "Tab") keepTabInside(e.currentTarget, e);
      }}
      // A click on the backdrop lands on the dialog itself; the content is a child.
      onClick={(e) => {
        if (e.target === e.currentTarget) e.currentTarget.close();
      }}
      className="m-auto rounded-lg bg-white p-0 shadow-lg backdrop:bg-slate-900/30"
    >
      <div className="p-5">{children}</div>
    </dialog>
  );
}
