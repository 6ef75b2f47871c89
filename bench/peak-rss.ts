/**
 * Samples resident memory while work runs. `stop()` returns the peak in MB; `split()` returns the
 * peak since the start or the last split and starts a new segment (the overall peak is kept), so a
 * phase can show whether memory grows with the rows it has read.
 */
export function trackPeakRss(intervalMs = 50): { split(): number; stop(): number } {
  let peak = process.memoryUsage.rss();
  let segment = peak;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    segment = Math.max(segment, rss);
  };
  const timer = setInterval(sample, intervalMs);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return {
    split() {
      sample();
      const result = mb(segment);
      segment = 0;
      return result;
    },
    stop() {
      clearInterval(timer);
      sample();
      return mb(peak);
    },
  };
}

/**
 * Peak RSS per quarter of a run: `progress(done, total)` (a run's onProgress) closes the quarters the
 * run has passed; `stop()` closes the last (which includes finishing the run). Flat quarters: memory
 * does not grow with the groups done.
 */
export function rssByQuarter(intervalMs = 50): {
  progress(done: number, total: number): void;
  stop(): { peak: number; quarters: number[] };
} {
  const rss = trackPeakRss(intervalMs);
  const quarters: number[] = [];
  return {
    progress(done, total) {
      while (quarters.length < 3 && total > 0 && done * 4 >= total * (quarters.length + 1)) quarters.push(rss.split());
    },
    stop() {
      while (quarters.length < 3) quarters.push(rss.split());
      quarters.push(rss.split());
      return { peak: rss.stop(), quarters };
    },
  };
}
