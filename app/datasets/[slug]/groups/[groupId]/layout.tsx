import { pageGroup } from "./page-group";

type Props = { children: React.ReactNode; params: Promise<{ slug: string; groupId: string }> };

// The group is looked up here, outside the page's loading boundary, so a missing one answers 404
// before the response starts streaming (a page's notFound() comes after the 200 is sent).
export default async function GroupLayout({ children, params }: Props) {
  await pageGroup(await params);
  return children;
}
