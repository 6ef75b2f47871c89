import { UploadForm } from "@/components/import/upload-form";
import { abilities, pageActor } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata = { title: "New dataset · CM-Align Studio" };

export default async function NewDatasetPage() {
  if (!abilities(await pageActor()).manage) return <p className="text-sm text-slate-600">Only admins create datasets.</p>;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New dataset</h1>
      <p className="text-sm text-slate-600">
        Nested JSONL (one prompt group per line) or flat rows (one response per line / CSV row); see the README for the formats. An import
        with any invalid record writes nothing unless you skip invalid records.
      </p>
      <UploadForm limitMb={env().CM_UPLOAD_LIMIT_MB} rejectsKeepHours={env().CM_REJECTS_KEEP_HOURS} />
    </div>
  );
}
