/** A cautious token estimate (about 3 UTF-8 bytes a token) for sizing requests without a tokenizer. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(Buffer.byteLength(text, "utf8") / 3));
}

/**
 * Splits `texts` into consecutive batches of at most `maxCount` texts and `maxTokens` estimated
 * tokens; a single text over the token limit gets a batch of its own. Returns index ranges [start, end).
 */
export function planBatches(
  texts: readonly string[],
  maxCount: number,
  maxTokens: number,
  tokens: (t: string) => number = estimateTokens,
): Array<[number, number]> {
  if (!(maxCount >= 1) || !(maxTokens >= 1)) throw new RangeError("batch limits must be ≥ 1");
  const out: Array<[number, number]> = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = tokens(texts[i]!);
    if (i > start && (i - start >= maxCount || used + t > maxTokens)) {
      out.push([start, i]);
      start = i;
      used = 0;
    }
    used += t;
  }
  if (start < texts.length) out.push([start, texts.length]);
  return out;
}
