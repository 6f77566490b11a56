/** Steps are numbered from 1 in the URL (#3), so a reload or a shared link opens the same step. */
export function stepFromHash(hash: string, count: number): number {
  const step = Number(/^#(\d+)$/.exec(hash)?.[1]);
  return Number.isInteger(step) && step >= 1 && step <= count ? step - 1 : 0;
}

/**
 * The step a move to `target` lands on (clamped to the lesson), or undefined when it stays on
 * `current` (→ on the last step, ← on the first): staying must change nothing, since resetting the
 * step would cancel its live run.
 */
export function stepTarget(current: number, target: number, count: number): number | undefined {
  const next = Math.min(count - 1, Math.max(0, target));
  return next === current ? undefined : next;
}
