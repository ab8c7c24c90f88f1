/**
 * The lease of a process run's claims, in a module of its own so that the CLI can show the
 * default in its help text without loading the process stage.
 */

/** Five minutes: a batch of thousands of postings is saved in seconds, so only a dead run loses its lease. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
