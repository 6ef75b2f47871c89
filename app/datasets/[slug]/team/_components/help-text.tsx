/** A short explanation of the figures next to it. */
export function HelpText({ children }: { children: React.ReactNode }) {
  return <p className="max-w-4xl text-sm text-slate-600">{children}</p>;
}
