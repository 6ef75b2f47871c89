import path from "node:path";
import { HashedFileSink } from "./file-sink";
import { parquetShardPath } from "./layout";
import { encodeHere, ParquetShard } from "./parquet-shard";
import type { RowGroupEncoder } from "./row-group-encoding";
import type { ExportPair, ManifestFile, ParquetTuning, SplitName } from "./types";

const DEFAULT_ROW_GROUP_ROWS = 10_000;
const DEFAULT_BUFFER_BUDGET_BYTES = 8 * 1024 * 1024;
/** Row groups handed to the encoder and not yet in their file, across all files, before adding rows waits. */
const MAX_ROW_GROUPS_IN_FLIGHT = 2;

/**
 * The Hugging Face layout: one Parquet file per (language, split), all open at once because rows
 * arrive interleaved. Each file buffers at most one row group; when the buffers together pass the
 * budget, the largest is written out early as a smaller row group. Boundaries depend only on the
 * row sequence, so output stays byte-deterministic.
 */
export class ParquetTarget {
  private readonly shards = new Map<string, ParquetShard>();
  private readonly rowGroupRows: number;
  private readonly budgetChars: number;
  /** Text buffered across all shards, kept up to date so the budget needs no scan per row. */
  private bufferedChars = 0;
  private readonly encode: RowGroupEncoder;
  /** Row groups being encoded or written, oldest first. */
  private readonly inFlight: Promise<void>[] = [];

  constructor(
    private readonly root: string,
    private readonly languages: readonly string[],
    private readonly splits: readonly SplitName[],
    tuning: ParquetTuning = {},
  ) {
    this.rowGroupRows = tuning.rowGroupRows ?? DEFAULT_ROW_GROUP_ROWS;
    // UTF-16 code units are a cheap stand-in for bytes; the budget is approximate by design.
    this.budgetChars = tuning.bufferBudgetBytes ?? DEFAULT_BUFFER_BUDGET_BYTES;
    this.encode = tuning.encodeRowGroup ?? encodeHere;
    if (!(this.rowGroupRows >= 1)) throw new RangeError("parquet.rowGroupRows must be at least 1");
  }

  /** Returns a promise only when a file is being opened or too many row groups are in flight; wait for it before adding more. */
  add(pair: ExportPair, split: SplitName): Promise<void> | undefined {
    const shard = this.shards.get(shardKey(pair.lang, split));
    if (!shard) return this.addToNewShard(pair, split);
    const before = shard.bufferedChars;
    const full = shard.add(pair);
    this.bufferedChars += shard.bufferedChars - before;
    if (full) return both(this.flush(shard), this.enforceBudget());
    return this.bufferedChars > this.budgetChars ? this.enforceBudget() : undefined;
  }

  private async addToNewShard(pair: ExportPair, split: SplitName): Promise<void> {
    await this.shardFor(pair.lang, split);
    await this.add(pair, split);
  }

  /** Finishes every file, writing empty ones for (language, split) pairs without rows. */
  async close(): Promise<ManifestFile[]> {
    for (const lang of this.languages) {
      for (const split of this.splits) await this.shardFor(lang, split);
    }
    await Promise.all(this.inFlight.splice(0));
    const files: ManifestFile[] = [];
    for (const shard of this.shards.values()) files.push(await shard.close());
    return files;
  }

  async abort(): Promise<void> {
    await Promise.all([...this.shards.values()].map((s) => s.abort()));
  }

  private async shardFor(lang: string, split: SplitName): Promise<ParquetShard> {
    const key = shardKey(lang, split);
    let shard = this.shards.get(key);
    if (!shard) {
      const relative = parquetShardPath(lang, split);
      const sink = await HashedFileSink.open(path.join(this.root, relative), relative);
      shard = new ParquetShard(sink, this.rowGroupRows, this.encode);
      this.shards.set(key, shard);
    }
    return shard;
  }

  /** Starts writing the shard's row group; returns the oldest one in flight to wait for when there are too many. */
  private flush(shard: ParquetShard): Promise<void> | undefined {
    this.inFlight.push(shard.flushRowGroup());
    return this.inFlight.length > MAX_ROW_GROUPS_IN_FLIGHT ? this.inFlight.shift() : undefined;
  }

  private enforceBudget(): Promise<void> | undefined {
    let total = 0;
    let largest: ParquetShard | undefined;
    for (const shard of this.shards.values()) {
      total += shard.bufferedChars;
      if (!largest || shard.bufferedChars > largest.bufferedChars) largest = shard;
    }
    const waiting = total > this.budgetChars && largest ? this.flush(largest) : undefined;
    this.bufferedChars = 0;
    for (const shard of this.shards.values()) this.bufferedChars += shard.bufferedChars;
    return waiting;
  }
}

const both = (a: Promise<void> | undefined, b: Promise<void> | undefined): Promise<void> | undefined =>
  a && b ? Promise.all([a, b]).then(() => undefined) : (a ?? b);

const shardKey = (lang: string, split: SplitName) => `${lang}\u0000${split}`;
