import type { Metadata } from "next";
import Link from "next/link";
import { DropEmptyParams } from "@/components/data-table/drop-empty-params";
import { NavLink } from "@/components/nav/nav-link";
import { currentUser } from "@/lib/auth/session";
import { UserMenu } from "./account/_components/user-menu";
import "./script-fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: "CM-Align Studio",
  description: "Build, inspect and export multilingual DPO preference data with CM-Align.",
};

const MENU_STYLE = "text-sm text-slate-600 hover:text-slate-900 data-active:font-medium data-active:text-indigo-700 data-active:underline";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the session makes every page dynamic, which the per-request CSP nonce needs anyway.
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <header className="border-b border-slate-200 bg-white">
          <nav className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3" aria-label="Main">
            {/* A one-time password not yet changed: every other page sends back to the change form, so no link is offered. */}
            {user?.mustChangePassword ? (
              <>
                <span className="font-semibold text-indigo-700">CM-Align Studio</span>
                <UserMenu name={user.name} role={user.role} passwordChangeOnly />
              </>
            ) : (
              <Link href="/datasets" prefetch={false} className="font-semibold text-indigo-700">
                CM-Align Studio
              </Link>
            )}
            {user && !user.mustChangePassword && (
              <>
                <NavLink href="/datasets" className={MENU_STYLE}>
                  Datasets
                </NavLink>
                {user.role === "admin" && (
                  <>
                    <NavLink href="/settings" className={MENU_STYLE}>
                      Settings
                    </NavLink>
                    <NavLink href="/admin/users" className={MENU_STYLE}>
                      Users
                    </NavLink>
                  </>
                )}
                <UserMenu name={user.name} role={user.role} />
              </>
            )}
          </nav>
        </header>
        <main className="mx-auto max-w-7xl px-6 py-6">{children}</main>
        <DropEmptyParams />
      </body>
    </html>
  );
}
