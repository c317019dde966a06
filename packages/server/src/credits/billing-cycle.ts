/** A billing cycle: from one reset to the next, Unix ms. */
export interface BillingCycle {
  startsAt: number;
  resetsAt: number;
}

/**
 * The billing cycle that contains `now`: cycles start at 00:00 UTC on `resetDay`
 * (1–28, so every month has it) and last until the same day of the next month.
 *
 * @example billingCycleAt(Date.UTC(2024, 0, 20), 15) // { startsAt: Date.UTC(2024, 0, 15), resetsAt: Date.UTC(2024, 1, 15) }
 */
export function billingCycleAt(now: number, resetDay: number): BillingCycle {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const thisMonths = Date.UTC(year, month, resetDay);
  // Date.UTC carries month -1 and 12 into the neighbouring years.
  if (thisMonths <= now) return { startsAt: thisMonths, resetsAt: Date.UTC(year, month + 1, resetDay) };
  return { startsAt: Date.UTC(year, month - 1, resetDay), resetsAt: thisMonths };
}
