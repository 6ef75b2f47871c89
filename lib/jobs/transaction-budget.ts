// How much of a run one transaction writes. On Postgres a chunk is one transaction and the finishing
// step another (fastest; readers are not blocked there). On PGlite every connection shares one session
// and a reader waits for the transaction under way, so a run commits a few groups at a time there,
// sized after each transaction so that one holds the session for about TRANSACTION_MS (as the
// embedded import's batches, lib/import/loader/batch-loader.ts), never fewer than MIN_GROUPS groups.

import type { Pool } from "pg";
import { sharesOneSession } from "@/lib/db/single-session";
import { env } from "@/lib/env";

const TRANSACTION_MS = 50;
// The floor: a transaction's fixed cost (its begin, cursor, progress and commit statements) would
// otherwise shrink it towards one group on a loaded machine, where every statement waits for a core
// and even one group seems to take longer than TRANSACTION_MS: thousands of transactions of one group.
const MIN_GROUPS = 16;
const MAX_GROUPS = 2_000;

/**
 * The budget of a run's transactions: `transactionGroups` fixed (a number), whole chunks and one
 * finishing transaction (null: Postgres's way), or unset: CM_JOB_TRANSACTION_GROUPS if set, else
 * by the database (adapted by time on PGlite).
 */
export async function transactionBudget(pool: Pool, transactionGroups: number | null | undefined): Promise<TransactionBudget | null> {
  const groups = transactionGroups === undefined ? env().CM_JOB_TRANSACTION_GROUPS : transactionGroups;
  if (groups === null) return null;
  if (groups !== undefined) return TransactionBudget.fixed(groups);
  return (await sharesOneSession(pool)) ? TransactionBudget.adaptive() : null;
}

/** Groups per transaction: fixed, or adapted to the time the last transaction took. */
export class TransactionBudget {
  constructor(
    public groups: number,
    private readonly fixed: boolean,
  ) {}

  static adaptive(): TransactionBudget {
    return new TransactionBudget(MIN_GROUPS, false);
  }

  static fixed(groups: number): TransactionBudget {
    return new TransactionBudget(groups, true);
  }

  /** Sizes the next transactions after one that wrote `groups` groups in `ms`. */
  took(ms: number, groups: number): void {
    if (this.fixed || groups === 0) return;
    const fit = (TRANSACTION_MS * groups) / Math.max(1, ms);
    const next = Math.min(this.groups * 2, Math.max(this.groups / 2, fit));
    this.groups = Math.round(Math.min(MAX_GROUPS, Math.max(MIN_GROUPS, next)));
  }
}
