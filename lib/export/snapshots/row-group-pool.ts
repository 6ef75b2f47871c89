import {
  encodeRowGroup,
  rowGroupInputBuffers,
  type EncodedRowGroup,
  type RowGroupEncoder,
  type RowGroupInput,
} from "@/lib/export/formats/row-group-encoding";
import { ThreadPool } from "@/lib/threads/thread-pool";

const WARM_UP: RowGroupInput = {
  prompt: { bytes: new Uint8Array([112]), ends: Uint32Array.of(1) },
  chosen: { bytes: new Uint8Array([99]), ends: Uint32Array.of(1) },
  rejected: { bytes: new Uint8Array([114]), ends: Uint32Array.of(1) },
  promptId: ["q"],
  lang: ["en"],
  scoreChosen: [1],
  scoreRejected: [0],
  margin: [1],
};

/**
 * Encodes a Parquet export's row groups (pages, Snappy, statistics) on a thread of its own, while the
 * calling thread reads and buffers the next rows. The thread starts in the background: a row group
 * that comes before it is ready waits for it; where no thread starts, the calling thread encodes.
 */
export class RowGroupPool {
  private readonly pool: Promise<ThreadPool<RowGroupInput, EncodedRowGroup>>;

  constructor(threads: number) {
    this.pool = ThreadPool.start<RowGroupInput, EncodedRowGroup>({
      name: "encoding a Parquet row group",
      module: { url: new URL("./row-group-thread.ts", import.meta.url), file: "lib/export/snapshots/row-group-thread.ts" },
      threads,
      warmUp: WARM_UP,
      local: async () => encodeRowGroup,
      // A thread holds a row group or two (the export's buffer budget is 8 MiB of text).
      heapMb: 128,
    });
  }

  /** Moves the row group's buffers to the thread (the caller must not use them after). */
  readonly encode: RowGroupEncoder = async (input) => (await this.pool).run(input, rowGroupInputBuffers(input));

  /** Threads encoding (0: the calling thread encodes). */
  async threads(): Promise<number> {
    return (await this.pool).threads;
  }

  async close(): Promise<void> {
    await (await this.pool).close();
  }
}
