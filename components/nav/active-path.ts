/**
 * How a navigation link relates to the page shown: "page" when it is the page, "section" when the
 * page lies under it (a run under Runs), null otherwise. `exact` links (a dataset's Overview, whose
 * path prefixes every tab) are never a section.
 */
export function linkState(pathname: string, href: string, exact = false): "page" | "section" | null {
  const path = pathname.replace(/\/+$/, "") || "/";
  const target = href.split(/[?#]/)[0]!.replace(/\/+$/, "") || "/";
  if (path === target) return "page";
  if (!exact && target !== "/" && path.startsWith(`${target}/`)) return "section";
  return null;
}
