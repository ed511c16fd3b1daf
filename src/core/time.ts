/** One day in milliseconds: SLA clocks, stale windows and deadlines count whole days in UTC. */
export const DAY_MS = 86_400_000;
