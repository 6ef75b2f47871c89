export { PageSkeleton as default } from "@/components/nav/page-skeleton";
