/** What is left of an idle period: the milliseconds the browser expects to stay idle (0 once it timed out). */
export interface IdlePeriod {
  timeRemaining(): number;
}

/** A task in Safari, which has no idle callbacks, is given this long, as an idle period of its own. */
const TASK_AS_IDLE_PERIOD_MS = 5;

/**
 * Resolves in the browser's next idle period (after the frames and tasks already queued, such as hydration), or after
 * `timeoutMs` on a page that never goes idle. Safari has no requestIdleCallback: there it is a task of its own.
 */
export function whenIdle(timeoutMs: number): Promise<IdlePeriod> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === "function") {
      window.requestIdleCallback(resolve, { timeout: timeoutMs });
      return;
    }
    setTimeout(() => {
      const end = performance.now() + TASK_AS_IDLE_PERIOD_MS;
      resolve({ timeRemaining: () => Math.max(0, end - performance.now()) });
    }, 0);
  });
}
