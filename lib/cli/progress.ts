import { SingleBar } from "cli-progress";

export type Progress = { update(done: number, total: number, extra?: string): void; stop(): void };

/** A progress bar on stderr (a plain line per update when stderr is not a terminal). */
export function progressBar(label: string): Progress {
  if (!process.stderr.isTTY) {
    let last = -1;
    return {
      update(done, total, extra = "") {
        const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
        if (pct === last) return;
        last = pct;
        process.stderr.write(`${label} ${done}/${total} (${pct}%) ${extra}\n`);
      },
      stop() {},
    };
  }
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} {extra}`,
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  return {
    update(done, total, extra = "") {
      if (!started) {
        bar.start(total, done, { extra });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { extra });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
