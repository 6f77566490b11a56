import { whenIdle as browserWhenIdle, type IdlePeriod } from "./idle";

/**
 * Set on <html> while a lesson's layout is deferred (app/globals.css): the lesson's blocks are laid out only when they
 * near the screen, or when this module lays them out.
 */
export const DEFER_LAYOUT_ATTRIBUTE = "data-defer-layout";

/**
 * Runs inline just before the lesson, so its first layout is already deferred. Only on a fresh visit without a
 * fragment: a reload or a step back or forward restores a scroll offset, and a link to a section scrolls to it, both
 * before any script could lay the blocks out, and an offset measured on guessed heights lands in the wrong place.
 * Without JavaScript nothing is deferred either.
 */
export const deferLayoutBootScript = `(function(){try{var n=performance.getEntriesByType("navigation")[0];if(!location.hash&&(!n||n.type==="navigate"))document.documentElement.setAttribute(${JSON.stringify(DEFER_LAYOUT_ATTRIBUTE)},"")}catch(e){}})();`;

/**
 * A lesson's blocks whose layout still waits until they near the screen (`content-visibility: auto` in
 * app/globals.css, under the same selector). Marking a block `data-laid-out` lays it out for good.
 */
export const DEFERRED_BLOCKS = ".prose > :not(figure[data-sandbox], [data-laid-out])";

/** The part of a lesson block this module touches. */
export interface Block {
  setAttribute(name: string, value: string): void;
  getBoundingClientRect(): unknown;
}

/** Where the blocks are: the document, or a stand-in in tests. */
export interface BlockRoot {
  querySelector(selectors: string): Block | null;
  querySelectorAll(selectors: string): Iterable<Block>;
}

/**
 * Lays out every block that is still waiting, at once. Called before anything scrolls to a place in the lesson (a
 * link to a section, a deep link to a sandbox): a block's height is a guess until it has been laid out, and a scroll
 * computed from guesses lands in the wrong place.
 */
export function layOutNow(root: BlockRoot = document): void {
  for (const block of root.querySelectorAll(DEFERRED_BLOCKS)) block.setAttribute("data-laid-out", "");
}

/** How long one idle period may spend laying out blocks: four times this is still not a long task on a slow phone. */
const LAYOUT_SLICE_MS = 8;
/** On a page that never goes idle, the next slice runs after this long anyway. */
const IDLE_TIMEOUT_MS = 2000;

export interface BackgroundLayoutOptions {
  root?: BlockRoot;
  signal: AbortSignal;
  whenIdle?: (timeoutMs: number) => Promise<IdlePeriod>;
  now?: () => number;
}

/**
 * After the first paint, lays out the lesson's waiting blocks from the top down, a few at a time in idle periods,
 * until none waits. The first frame then costs only what is on screen, and soon after the page is what it would be
 * without deferral: exact heights for scrolling, anchors and the scrollbar. A slice always lays out at least one
 * block, so a page that is never idle still gets there. Resolves when every block is laid out or `signal` aborts.
 */
export async function layOutInBackground({
  root = document,
  signal,
  whenIdle = browserWhenIdle,
  now = () => performance.now(),
}: BackgroundLayoutOptions): Promise<void> {
  let block = root.querySelector(DEFERRED_BLOCKS);
  while (block && !signal.aborted) {
    const idle = await whenIdle(IDLE_TIMEOUT_MS);
    if (signal.aborted) return;
    const start = now();
    do {
      block.setAttribute("data-laid-out", "");
      // Reading its box lays it out now, inside this idle period, rather than all together in the next frame.
      block.getBoundingClientRect();
      block = root.querySelector(DEFERRED_BLOCKS);
    } while (block && now() - start < LAYOUT_SLICE_MS && idle.timeRemaining() > 1);
  }
}
