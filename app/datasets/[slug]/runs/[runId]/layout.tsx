import { pageRun } from "./page-run";

type Props = { children: React.ReactNode; params: Promise<{ slug: string; runId: string }> };

// The run is looked up here, outside the page's loading boundary, so a missing one answers 404
// before the response starts streaming (a page's notFound() comes after the 200 is sent).
export default async function RunLayout({ children, params }: Props) {
  await pageRun(await params);
  return children;
}
