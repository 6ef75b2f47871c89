"use client";

import { type ReactNode, useLayoutEffect, useRef } from "react";

type Props = { label: string; onClose: () => void; children: ReactNode; testId?: string };

/**
 * A modal <dialog> opened with showModal(): the page behind it is inert (focus stays inside, clicks do
 * not reach it), Esc closes it, and closing gives focus back to where it was. Shown while mounted.
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
