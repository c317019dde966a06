import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../store/schema.js";
import type { BillingCycle } from "./billing-cycle.js";

/** A workspace's balance as stored. */
export interface CreditBalanceRecord {
  balance: number;
  cycleStartedAt: number;
  cycleResetsAt: number;
}

/** What a successful charge took, so that it can be given back within the same cycle. */
export interface CreditCharge {
  workspaceId: string;
  credits: number;
  cycleStartedAt: number;
  /** The balance right after the charge. */
  remaining: number;
}

/**
 * Credit balances in storage. Every change is one conditional statement, so instances
 * and requests racing each other can never take a balance below zero or refill a
 * cycle twice: the database decides, never a read-modify-write in the app.
 */
export class CreditStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Takes `credits` if the current cycle's balance has them; null otherwise (or when the cycle is over). */
  async charge(workspaceId: string, credits: number, now: number): Promise<CreditCharge | null> {
    const row = await this.db
      .updateTable("workspace_credits")
      .set({ balance: sql<number>`balance - ${credits}`, updated_at: now })
      .where("workspace_id", "=", workspaceId)
      .where("balance", ">=", credits)
      .where("cycle_resets_at", ">", now)
      .returning(["balance", "cycle_started_at"])
      .executeTakeFirst();
    if (!row) return null;
    return { workspaceId, credits, cycleStartedAt: Number(row.cycle_started_at), remaining: Number(row.balance) };
  }

  /** Gives a charge back, unless its cycle has ended since (a new cycle starts full). */
  async refund(charge: CreditCharge, now: number): Promise<number | null> {
    const row = await this.db
      .updateTable("workspace_credits")
      .set({ balance: sql<number>`balance + ${charge.credits}`, updated_at: now })
      .where("workspace_id", "=", charge.workspaceId)
      .where("cycle_started_at", "=", charge.cycleStartedAt)
      .returning("balance")
      .executeTakeFirst();
    return row ? Number(row.balance) : null;
  }

  /**
   * Starts `cycle` with `credits` unless the stored cycle is still running. Concurrent
   * callers refill once: the conflict clause re-checks the row under its lock.
   */
  async startCycleIfOver(workspaceId: string, cycle: BillingCycle, credits: number, now: number): Promise<void> {
    await this.db
      .insertInto("workspace_credits")
      .values({
        workspace_id: workspaceId,
        balance: credits,
        cycle_started_at: cycle.startsAt,
        cycle_resets_at: cycle.resetsAt,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .column("workspace_id")
          .doUpdateSet({
            balance: credits,
            cycle_started_at: cycle.startsAt,
            cycle_resets_at: cycle.resetsAt,
            updated_at: now,
          })
          .where("workspace_credits.cycle_resets_at", "<=", now),
      )
      .execute();
  }

  /** Adds credits to the current cycle's balance (the cycle must have been started). */
  async add(workspaceId: string, credits: number, now: number): Promise<number | null> {
    const row = await this.db
      .updateTable("workspace_credits")
      .set({ balance: sql<number>`balance + ${credits}`, updated_at: now })
      .where("workspace_id", "=", workspaceId)
      .returning("balance")
      .executeTakeFirst();
    return row ? Number(row.balance) : null;
  }

  async find(workspaceId: string): Promise<CreditBalanceRecord | null> {
    const row = await this.db
      .selectFrom("workspace_credits")
      .select(["balance", "cycle_started_at", "cycle_resets_at"])
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirst();
    if (!row) return null;
    return { balance: Number(row.balance), cycleStartedAt: Number(row.cycle_started_at), cycleResetsAt: Number(row.cycle_resets_at) };
  }
}
