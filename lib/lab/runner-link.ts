/*
 * The link `npm run lab` prints carries the runner's URL in the lesson's hash. This module is all the
 * lesson's first load needs of the lab: the exercise's loader looks for the hash to load the lab
 * panel at once; the rest of lib/lab loads with the panel.
 */

/** `#lab=http://127.0.0.1:4300/?token=…` */
export const LAB_HASH_PREFIX = "#lab=";

/** The runner's URL a page hash carries, or null when the hash is not a runner's link. */
export function runnerUrlInHash(hash: string): string | null {
  return hash.startsWith(LAB_HASH_PREFIX) ? decodeURIComponent(hash.slice(LAB_HASH_PREFIX.length)) : null;
}
