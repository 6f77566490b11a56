import { describe, expect, it } from "vitest";
import {
  DEFER_LAYOUT_ATTRIBUTE,
  DEFERRED_BLOCKS,
  deferLayoutBootScript,
  layOutInBackground,
  layOutNow,
  type BlockRoot,
} from "./deferred-layout";
import type { IdlePeriod } from "./idle";

/** A lesson of `count` blocks, each taking `costMs` of a fake clock to lay out; records the order of layouts. */
function fakeLesson(count: number, costMs: number) {
  const clock = { now: 0 };
  const laidOut: number[] = [];
  const blocks = Array.from({ length: count }, (_, index) => ({
    marked: false,
    setAttribute(name: string) {
      expect(name).toBe("data-laid-out");
      this.marked = true;
    },
    getBoundingClientRect() {
      laidOut.push(index);
      clock.now += costMs;
    },
  }));
  const root: BlockRoot = {
    querySelector: (selectors) => {
      expect(selectors).toBe(DEFERRED_BLOCKS);
      return blocks.find((block) => !block.marked) ?? null;
    },
    querySelectorAll: () => blocks.filter((block) => !block.marked),
  };
  return { root, blocks, laidOut, now: () => clock.now };
}

/** Idle periods handed out one at a time by the test, each lasting `length` ms. */
function heldIdlePeriods() {
  const waiting: Array<(period: IdlePeriod) => void> = [];
  return {
    whenIdle: () => new Promise<IdlePeriod>((resolve) => waiting.push(resolve)),
    pending: () => waiting.length,
    async grant(remaining: number) {
      await until(() => waiting.length > 0);
      waiting.shift()!({ timeRemaining: () => remaining });
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

async function until(condition: () => boolean) {
  for (let turn = 0; turn < 50 && !condition(); turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Starts laying out a fake lesson in the background, with idle periods the test hands out. */
function startLayout(blocks: number, costMs: number, signal = new AbortController().signal) {
  const lesson = fakeLesson(blocks, costMs);
  const idle = heldIdlePeriods();
  const done = layOutInBackground({ root: lesson.root, signal, ...idle, now: lesson.now });
  return { lesson, idle, done };
}

describe("laying out a lesson in the background", () => {
  it("waits for an idle period before laying out anything", async () => {
    const { lesson, idle, done } = startLayout(5, 1);
    await until(() => idle.pending() > 0);
    expect(lesson.laidOut).toEqual([]);
    await idle.grant(50);
    expect(lesson.laidOut).toEqual([0, 1, 2, 3, 4]);
    await done;
  });

  it("lays out blocks from the top down, stopping each idle period after its slice", async () => {
    const { lesson, idle, done } = startLayout(10, 3); // three blocks of 3 ms fill one 8 ms slice (LAYOUT_SLICE_MS)
    await idle.grant(50);
    expect(lesson.laidOut).toEqual([0, 1, 2]);
    await idle.grant(50);
    expect(lesson.laidOut).toEqual([0, 1, 2, 3, 4, 5]);
    await idle.grant(50);
    await idle.grant(50);
    await done;
    expect(lesson.laidOut).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(lesson.blocks.every((block) => block.marked)).toBe(true);
  });

  it("still lays out one block per period on a page that is never idle (the period timed out)", async () => {
    const { lesson, idle, done } = startLayout(3, 0);
    await idle.grant(0);
    expect(lesson.laidOut).toEqual([0]);
    await idle.grant(0);
    await idle.grant(0);
    await done;
    expect(lesson.laidOut).toEqual([0, 1, 2]);
  });

  it("stops when the page goes away, leaving the rest waiting", async () => {
    const leaving = new AbortController();
    const { lesson, idle, done } = startLayout(10, 3, leaving.signal);
    await idle.grant(50);
    leaving.abort();
    await idle.grant(50);
    await done;
    expect(lesson.laidOut).toEqual([0, 1, 2]);
  });

  it("lays out every waiting block at once before a jump", () => {
    const lesson = fakeLesson(4, 1);
    layOutNow(lesson.root);
    expect(lesson.blocks.every((block) => block.marked)).toBe(true);
  });
});

describe("when the lesson's layout is deferred", () => {
  /** Runs the inline boot script as a page would, and says whether it deferred the layout. */
  function defers(navigationType: string | undefined, hash = "") {
    const attributes = new Map<string, string>();
    const page = {
      performance: { getEntriesByType: () => (navigationType ? [{ type: navigationType }] : []) },
      location: { hash },
      document: { documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) } },
    };
    new Function("performance", "location", "document", deferLayoutBootScript)(
      page.performance,
      page.location,
      page.document,
    );
    return attributes.has(DEFER_LAYOUT_ATTRIBUTE);
  }

  it("defers on a fresh visit", () => {
    expect(defers("navigate")).toBe(true);
    expect(defers(undefined)).toBe(true);
  });

  it("does not defer where the browser restores a scroll offset: a reload, a step back or forward", () => {
    expect(defers("reload")).toBe(false);
    expect(defers("back_forward")).toBe(false);
  });

  it("does not defer when the page opens at a section, which the browser scrolls to before any script runs", () => {
    expect(defers("navigate", "#what-the-image-holds")).toBe(false);
  });
});
