"use client";

import Link from "next/link";
import { useState } from "react";
import { JobProgress } from "@/components/job-progress";

type Summary = {
  dataset: string;
  records: number;
  invalid: number;
  groupsAdded: number;
  responsesAdded: number;
  duplicateResponses: number;
  rejectsFile: string | null;
  importId: number;
};
type State =
  | { phase: "idle" }
  | { phase: "starting" }
  | { phase: "running"; id: number; sent: number; total: number }
  | { phase: "done"; summary: Summary }
  | { phase: "error"; message: string; id: number | null };

const field = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

function upload(url: string, file: File, onProgress: (sent: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText || "{}") });
      } catch {
        resolve({ status: xhr.status, body: { error: `HTTP ${xhr.status}` } });
      }
    };
    xhr.onerror = () => reject(new Error("The upload failed (network error)."));
    xhr.send(file);
  });
}

/**
 * Streams a file to the import route: an upload bar (browser side) and the import's own progress
 * (the one job progress, polled from its status row), then the summary or the errors. `slug` set = add data to that dataset.
 */
export function UploadForm({ slug, limitMb, rejectsKeepHours }: { slug?: string; limitMb: number; rejectsKeepHours: number }) {
  const [state, setState] = useState<State>({ phase: "idle" });

  async function submit(form: FormData) {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setState({ phase: "error", message: "Choose a file to import.", id: null });
    if (file.size > limitMb * 2 ** 20)
      return setState({ phase: "error", message: `The file is larger than the upload limit of ${limitMb} MB.`, id: null });
    // A message from an earlier attempt must not stand next to the import now starting.
    setState({ phase: "starting" });
    const target = slug ?? String(form.get("slug") ?? "");
    const q = new URLSearchParams({ filename: file.name, skipInvalid: form.get("skipInvalid") ? "1" : "0", size: String(file.size) });
    if (form.get("append")) q.set("append", "1");
    if (!slug) {
      q.set("create", "1");
      q.set("task", String(form.get("task")));
      q.set("name", String(form.get("name") || target));
    }
    const format = String(form.get("format") ?? "");
    if (format) q.set("format", format);
    const base = `/api/datasets/${encodeURIComponent(target)}/imports`;
    const prepared = await fetch(`${base}?${q}&prepare=1`, { method: "POST" }).catch(() => null);
    if (!prepared) return setState({ phase: "error", message: "The server did not answer; try again.", id: null });
    const created = (await prepared.json().catch(() => ({}))) as { id?: number; error?: string };
    if (!prepared.ok || !created.id) return setState({ phase: "error", message: created.error ?? `HTTP ${prepared.status}`, id: null });
    const id = created.id;
    setState({ phase: "running", id, sent: 0, total: file.size });
    try {
      const res = await upload(`${base}?${q}&import=${id}`, file, (sent) =>
        setState((s) => (s.phase === "running" && s.id === id ? { ...s, sent } : s)),
      );
      if (res.status !== 200)
        return setState({ phase: "error", message: (res.body as { error?: string }).error ?? `HTTP ${res.status}`, id });
      setState({ phase: "done", summary: res.body as Summary });
    } catch (e) {
      setState({ phase: "error", message: (e as Error).message, id });
    }
  }

  const running = state.phase === "running" ? state : null;
  const busy = running !== null || state.phase === "starting";
  return (
    // onSubmit rather than `action`: React resets a form after its action, and a failed import should
    // leave the slug, name and file in place for a retry (with "skip invalid", say).
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
      // Choosing another file answers "Choose a file to import."; a finished import's summary stays.
      onChange={(event) => {
        if (event.target instanceof HTMLInputElement && event.target.name === "file")
          setState((s) => (s.phase === "error" ? { phase: "idle" } : s));
      }}
      className="space-y-3"
      aria-label="Import a file"
    >
      {!slug && (
        <div className="flex flex-wrap gap-4">
          <label className="flex flex-col text-xs text-slate-600">
            Slug
            <input name="slug" required pattern="[a-z0-9][a-z0-9\-]{0,62}" className={field} />
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            Name
            <input name="name" className={field} />
          </label>
          <label className="flex flex-col text-xs text-slate-600">
            Task
            <select name="task" className={field} defaultValue="general">
              <option>general</option>
              <option>math</option>
              <option>translation</option>
            </select>
          </label>
        </div>
      )}
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col text-xs text-slate-600">
          File (.jsonl, .json, .csv, .parquet, optionally .gz)
          <input name="file" type="file" className="text-sm" accept=".jsonl,.json,.csv,.parquet,.gz" />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Format
          <select name="format" className={field} defaultValue="">
            <option value="">detect</option>
            <option>nested</option>
            <option>flat</option>
            <option>csv</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="skipInvalid" /> Skip invalid records
        </label>
        {slug && (
          <label
            className="flex items-center gap-2 text-sm"
            title="Without it, a sample is identified by its prompt, language, model and position: the same file again adds nothing, and another text for a stored sample is an error."
          >
            <input type="checkbox" name="append" /> Add as new samples
          </label>
        )}
        <button disabled={busy} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          Import
        </button>
      </div>
      {state.phase === "starting" && (
        <p role="status" className="text-sm text-slate-600">
          Starting the import…
        </p>
      )}
      {running && (
        <div className="space-y-1 text-sm text-slate-600">
          <div className="flex items-center gap-2">
            <span className="w-16">Upload</span>
            <progress className="w-80" max={running.total} value={running.sent} aria-label="Upload progress" />
            <span>
              {mb(running.sent)} / {mb(running.total)} MB
            </span>
          </div>
          <div className="flex items-center gap-2">
            <span className="w-16">Import</span>
            <JobProgress
              kind="import"
              id={running.id}
              unit="bytes"
              cancellable
              initial={{ status: "queued", done: 0, total: running.total, error: null, cancelRequested: false, records: 0 }}
              describe={(p) => `${mb(p.done)} / ${mb(p.total)} MB read, ${p.records ?? 0} records`}
              testIds={{ root: "import-progress", status: `import-status-${running.id}` }}
            />
          </div>
        </div>
      )}
      {state.phase === "error" && (
        <pre role="alert" className="whitespace-pre-wrap rounded bg-red-50 p-3 text-sm text-red-800">
          {state.id !== null ? `Import #${state.id} failed: ` : ""}
          {state.message}
        </pre>
      )}
      {state.phase === "done" && (
        <p role="status" className="rounded bg-emerald-50 p-3 text-sm text-emerald-900">
          {state.summary.records} records read: {state.summary.groupsAdded} groups and {state.summary.responsesAdded} responses added,{" "}
          {state.summary.duplicateResponses} already stored, {state.summary.invalid} invalid
          {state.summary.rejectsFile && (
            <>
              {" "}
              (
              <a className="text-indigo-700 underline" href={state.summary.rejectsFile} download>
                download the rejected records
              </a>
              , kept for {rejectsKeepHours} h)
            </>
          )}
          . Import #{state.summary.importId}.{" "}
          <Link prefetch={false} className="text-indigo-700 underline" href={`/datasets/${state.summary.dataset}`}>
            Open the dataset
          </Link>
        </p>
      )}
    </form>
  );
}
