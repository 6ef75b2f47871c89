import type { PoolClient } from "pg";
import type { ImportGroup, ImportIssue } from "@/lib/import/formats";
import type { DeriveInput, DeriveOutput } from "./derive";
import type { DerivePool } from "./derive-pool";
import { addDerived, loadCompleteGroups, prepareResponses, type GroupHead, type LoadCounts } from "./load-groups";
import { CREATE_STAGE, publishStage, refuseConflicts, StageBuffer } from "./staging";

/**
 * Where batches are written. `inOne`: on the import's connection, inside its one transaction (flat
 * rows wait in the stage until the import publishes them). Otherwise every batch is written by
 * `write` in a transaction of its own, flat rows published at once (the dataset stays hidden).
 */
export type BatchWriter = { inOne: PoolClient } | { inOne: null; write: <T>(fn: (tx: PoolClient) => Promise<T>) => Promise<T> };

const MAX_IN_FLIGHT = 2;

/** How generation ended, when the file says so (`finish_reason` or `stop_reason` beside the text). */
function finishReasonOf(params: Record<string, unknown> | null): string | null {
  const value = params?.finish_reason ?? params?.stop_reason;
  return typeof value === "string" ? value : null;
}
const FLUSH_STAGE_ROWS = 5_000;
/**
 * Responses written per transaction when every batch commits on its own (see slices), at first. On
 * PGlite a reader waits for the transaction under way: at 200 the embedded-import benchmark's probes
 * stayed under 500 ms p95 on a new dataset (2,000: 2.4 s; 400: 1.1 s) for ~10% more import time. Then
 * sized so that a transaction holds the session for about TRANSACTION_MS, whatever a response costs
 * (an append reads the stored samples too) and however busy the machine is: appending 200,000 at 50 ms,
 * probes p95 303 / 400 ms (load 6); at 100 ms, 505 / 674 ms (load 9).
 */
const TRANSACTION_RESPONSES = 200;
const TRANSACTION_MS = 50;
const MIN_TRANSACTION_RESPONSES = 20;
const MAX_TRANSACTION_RESPONSES = 2_000;
const noop = () => {};

/**
 * Writes batches of valid groups in file order while the next batches are parsed and derived:
 * derivation starts at submit (in the pool's threads), writes are chained one after another on the
 * import's connection, and submit waits once MAX_IN_FLIGHT batches are pending, so memory stays flat.
 * Whole groups (nested) go straight to the tables; flat rows go to the stage table.
 */
export class BatchLoader {
  readonly counts: LoadCounts = { groups: 0, prompts: 0, responses: 0, duplicates: 0 };
  readonly stage = new StageBuffer();
  /** Records refused because they give another text for a stored sample (without `append`). */
  readonly conflicts: ImportIssue[] = [];
  /** Wall time spent in database writes (the chain's busy time). */
  writeMs = 0;
  private tail: Promise<void> = Promise.resolve();
  private inflight: Promise<void>[] = [];

  constructor(
    private readonly writer: BatchWriter,
    private readonly copy: boolean,
    private readonly datasetId: number,
    private readonly mathTask: boolean,
    private readonly pool: DerivePool,
    private readonly append = false,
  ) {}

  async submit(groups: ImportGroup[]): Promise<void> {
    if (groups.length === 0) return;
    const input: DeriveInput = { texts: [], langs: [], wantAnswer: [], finishReasons: [] };
    for (const g of groups) {
      const wantAnswer = this.mathTask || g.gold !== null;
      for (const r of g.responses) {
        input.texts.push(r.text);
        input.langs.push(r.lang);
        input.wantAnswer.push(wantAnswer);
        input.finishReasons!.push(finishReasonOf(r.params));
      }
    }
    const derived = this.pool.run(input);
    derived.catch(noop);
    const write = groups.every((g) => g.complete) ? this.groupsWrite(groups, derived) : this.rowsWrite(groups, derived);
    this.tail = this.tail.then(write);
    this.tail.catch(noop);
    this.inflight.push(this.tail);
    while (this.inflight.length > MAX_IN_FLIGHT) await this.inflight.shift();
  }

  /**
   * Whole groups, straight to the tables. Their rows are prepared at once, so until the write only the
   * groups' heads and the prepared rows are held, not the parsed records and their texts.
   */
  private groupsWrite(groups: ImportGroup[], derived: Promise<DeriveOutput>): () => Promise<void> {
    const heads: GroupHead[] = groups.map(({ externalId, gold, meta, prompts }) => ({ externalId, gold, meta, prompts }));
    const sizes = groups.map((g) => g.responses.length + 1);
    const prepared = prepareResponses(groups, this.copy);
    const rows = derived.then((d) => addDerived(prepared, d, this.copy));
    rows.catch(noop);
    return async () => {
      const ready = await rows;
      const t0 = performance.now();
      for (const [from, to] of this.slices(sizes)) {
        const c = await this.write((client) =>
          loadCompleteGroups(
            { client, copy: this.copy, datasetId: this.datasetId, append: this.append },
            heads.slice(from, to),
            ready.slice(from, to),
            this.conflicts,
          ),
        );
        this.add(c);
      }
      this.writeMs += performance.now() - t0;
    };
  }

  /** Flat rows, through the stage. */
  private rowsWrite(groups: ImportGroup[], derived: Promise<DeriveOutput>): () => Promise<void> {
    return async () => {
      const d = await derived;
      const t0 = performance.now();
      let offset = 0;
      for (const [from, to] of this.slices(groups.map((g) => g.responses.length + 1))) {
        for (const g of groups.slice(from, to)) {
          this.stage.add(g, d, offset);
          offset += g.responses.length;
        }
        if (!this.writer.inOne) await this.write((tx) => this.publishNow(tx));
      }
      if (this.writer.inOne && this.stage.rows >= FLUSH_STAGE_ROWS) await this.stage.flush(this.writer.inOne, this.copy);
      this.writeMs += performance.now() - t0;
    };
  }

  /** Responses per transaction when every batch commits on its own (adapted after each one). */
  private perTransaction = TRANSACTION_RESPONSES;

  /** Runs `fn` inside the import's one transaction, or in a transaction of its own, timed to size the next ones. */
  private write<T>(fn: (tx: PoolClient) => Promise<T>): Promise<T> {
    if (this.writer.inOne) return fn(this.writer.inOne);
    return this.writer.write(async (tx) => {
      const t0 = performance.now();
      const result = await fn(tx);
      const factor = Math.min(2, Math.max(0.5, TRANSACTION_MS / Math.max(1, performance.now() - t0)));
      this.perTransaction = Math.round(
        Math.min(MAX_TRANSACTION_RESPONSES, Math.max(MIN_TRANSACTION_RESPONSES, this.perTransaction * factor)),
      );
      return result;
    });
  }

  /**
   * Index ranges of the groups written per transaction (`sizes`: each group's responses + 1): the
   * whole batch inside the import's one transaction; else about perTransaction responses each (whole
   * groups), read as each range is taken, since a reader waits for the transaction under way on PGlite.
   */
  private *slices(sizes: number[]): Generator<[number, number]> {
    if (this.writer.inOne) {
      yield [0, sizes.length];
      return;
    }
    let from = 0;
    let responses = 0;
    for (let i = 0; i < sizes.length; i++) {
      responses += sizes[i]!;
      if (responses >= this.perTransaction || i === sizes.length - 1) {
        yield [from, i + 1];
        from = i + 1;
        responses = 0;
      }
    }
  }

  private add(c: LoadCounts): void {
    this.counts.groups += c.groups;
    this.counts.prompts += c.prompts;
    this.counts.responses += c.responses;
    this.counts.duplicates += c.duplicates;
  }

  /** Stages and publishes the buffered flat rows inside `tx` (a batch's own transaction). */
  private async publishNow(tx: PoolClient): Promise<void> {
    await tx.query(CREATE_STAGE);
    await this.stage.flush(tx, this.copy);
    this.conflicts.push(...(this.append ? [] : await refuseConflicts(tx, this.datasetId)));
    this.add(await publishStage(tx, this.datasetId, this.append));
  }

  /** Waits for every submitted batch and flushes the stage; rethrows the first write error. */
  async drain(): Promise<void> {
    await this.tail;
    this.inflight = [];
    const t0 = performance.now();
    if (this.writer.inOne) await this.stage.flush(this.writer.inOne, this.copy);
    this.writeMs += performance.now() - t0;
  }

  /** Settles pending work after a failure, so no write runs on a connection being rolled back. */
  async abandon(): Promise<void> {
    await this.tail.catch(noop);
  }
}
