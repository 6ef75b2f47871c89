"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-2" role="alert">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600">{error.digest ? `Error reference ${error.digest}.` : error.message}</p>
      <button className="rounded bg-indigo-600 px-3 py-1 text-white" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
