"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { linkState } from "./active-path";

type Props = { href: string; exact?: boolean; className?: string; children: React.ReactNode };

/**
 * A tab or menu link: `aria-current` on the page it opens ("page") or a page under it ("true"), styled
 * through `data-active`. It prefetches only once the user points at or focuses it: prefetching every
 * tab on every page filled the browser's six connections to the server (and the embedded
 * database's one session) with work a click then waited behind.
 */
export function NavLink({ href, exact = false, className, children }: Props) {
  const state = linkState(usePathname(), href, exact);
  const [intent, setIntent] = useState(false);
  const wanted = () => setIntent(true);
  return (
    <Link
      href={href}
      prefetch={intent ? null : false}
      onMouseEnter={wanted}
      onFocus={wanted}
      onTouchStart={wanted}
      aria-current={state === "page" ? "page" : state === "section" ? "true" : undefined}
      data-active={state ? "" : undefined}
      className={className}
    >
      {children}
      <PendingDot />
    </Link>
  );
}

/** Shown from the click until the new page (or its loading skeleton) is on screen. */
function PendingDot() {
  const { pending } = useLinkStatus();
  return (
    <span aria-hidden className={pending ? "ml-1 inline-block size-1.5 animate-pulse rounded-full bg-indigo-500 align-middle" : "hidden"} />
  );
}
