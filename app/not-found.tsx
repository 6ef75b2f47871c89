import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-slate-600">That page or record does not exist.</p>
      <Link prefetch={false} className="text-indigo-700 underline" href="/datasets">
        Back to datasets
      </Link>
    </div>
  );
}
