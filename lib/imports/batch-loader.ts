import type { PoolClient } from "pg";
import type { ImportGroup, ImportIssue } from "@/lib/import";
import type { DeriveInput } from "./derive";
import type { DerivePool } from "./derive-pool";
import { loadCompleteGroups, prepareResponses, type LoadCounts } from "./load-groups";
import { StageBuffer } from "./staging";

const MAX_IN_FLIGHT = 2;

/** How generation ended, when the file says so (`finish_reason` or `stop_reason` beside the text). */
function finishReasonOf(params: Record<string, unknown> | null): string | null {
  const value = params?.finish_reason ?? params?.stop_reason;
  return typeof value === "string" ? value : null;
}
const FLUSH_STAGE_ROWS = 5_000;
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
    private readonly client: PoolClient,
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
        input.texts.push(r.text); input.langs.push(r.lang); input.wantAnswer.push(wantAnswer); input.finishReasons!.push(finishReasonOf(r.params));
      }
    }
    const derived = this.pool.run(input);
    const complete = groups.every((g) => g.complete);
    const prepared = complete ? derived.then((d) => prepareResponses(groups, d, this.copy)) : null;
    derived.catch(noop);
    prepared?.catch(noop);
    this.tail = this.tail.then(async () => {
      const d = await derived;
      const rows = await prepared;
      const t0 = performance.now();
      if (rows) {
        const target = { client: this.client, copy: this.copy, datasetId: this.datasetId, append: this.append };
        const c = await loadCompleteGroups(target, groups, rows, this.conflicts);
        this.counts.groups += c.groups; this.counts.prompts += c.prompts;
        this.counts.responses += c.responses; this.counts.duplicates += c.duplicates;
      } else {
        let offset = 0;
        for (const g of groups) {
          this.stage.add(g, d, offset);
          offset += g.responses.length;
        }
        if (this.stage.rows >= FLUSH_STAGE_ROWS) await this.stage.flush(this.client, this.copy);
      }
      this.writeMs += performance.now() - t0;
    });
    this.tail.catch(noop);
    this.inflight.push(this.tail);
    while (this.inflight.length > MAX_IN_FLIGHT) await this.inflight.shift();
  }

  /** Waits for every submitted batch and flushes the stage; rethrows the first write error. */
  async drain(): Promise<void> {
    await this.tail;
    this.inflight = [];
    const t0 = performance.now();
    await this.stage.flush(this.client, this.copy);
    this.writeMs += performance.now() - t0;
  }

  /** Settles pending work after a failure, so no write runs on a connection being rolled back. */
  async abandon(): Promise<void> {
    await this.tail.catch(noop);
  }
}
