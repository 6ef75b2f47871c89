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
