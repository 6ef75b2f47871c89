import { PageSkeleton } from "@/components/nav/page-skeleton";

export default function Loading() {
  return <PageSkeleton />;
}
