"use client";

import { useEffect, useState } from "react";

type Props = { id?: string; collapsed: boolean; children: React.ReactNode };

/** Clips long output to a few lines with "Show all"; opens itself when the URL hash targets it. */
export function Collapsible({ id, collapsed: initiallyCollapsed, children }: Props) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  useEffect(() => {
    if (!id) return;
    const open = () => {
      if (window.location.hash === `#${id}`) setCollapsed(false);
    };
    open();
    window.addEventListener("hashchange", open);
    return () => window.removeEventListener("hashchange", open);
  }, [id]);
  return (
    <div>
      <div className={collapsed ? "relative max-h-48 overflow-hidden" : ""} data-collapsed={collapsed ? "true" : "false"}>
        {children}
        {collapsed && <div className="pointer-events-none absolute inset-x-0 bottom-0 h-10 bg-gradient-to-t from-white" />}
      </div>
      {initiallyCollapsed && (
        <button type="button" className="mt-1 text-xs font-medium text-indigo-700 hover:underline" onClick={() => setCollapsed((c) => !c)}>
          {collapsed ? "Show all" : "Show less"}
        </button>
      )}
    </div>
  );
}
