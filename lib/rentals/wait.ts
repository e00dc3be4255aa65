/**
 * The honest wait of a rentable edition, as the rent offer shows it (no server code: the product
 * page's island uses it too):
 * - `available`: a copy is free for a newcomer right now (available copies beyond the people waiting);
 * - `shortWait`: none is free, but fewer people wait than there are copies in service (out, held or
 *   being checked): each copy comes back within about one rental period, so a newcomer should get one
 *   within the first round of returns;
 * - `longWait`: as many people wait as there are copies in service, or more: it takes more than one
 *   round of returns.
 * The FAQ's "rent" answer states the same rule.
 */
export type WaitLabel = 'available' | 'shortWait' | 'longWait';

export function waitLabel(edition: { freeCopies: number; waiting: number; copiesInService: number }): WaitLabel {
  if (edition.freeCopies > 0) return 'available';
  return edition.waiting < edition.copiesInService ? 'shortWait' : 'longWait';
}
