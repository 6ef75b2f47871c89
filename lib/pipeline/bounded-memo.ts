/**
 * `compute` remembered for the first `max` distinct keys it meets; a key met after that is computed
 * each time (keys come from files and detectors, so what is kept stays bounded).
 */
export function boundedMemo<T>(compute: (key: string) => T, max = 1_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let out = known.get(key);
    if (out === undefined) {
      out = compute(key);
      if (known.size < max) known.set(key, out);
    }
    return out;
  };
}
