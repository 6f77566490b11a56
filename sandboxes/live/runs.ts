import { randomUUID } from "node:crypto";
import type { LiveEvent, LiveFrame } from "../../lib/live/events";
import { CAST_HEIGHT, CAST_WIDTH, CastSession, RunCancelled } from "../recorder/cast";
import type { Bases } from "../recorder/bases";
import type { ScenarioName } from "../recorder/manifest-schema";

/** How the queue runs a scenario: the real one drives Docker (see executor.ts). */
export interface ScenarioExecutor {
  title(name: ScenarioName): string;
  /** Bases and images, built once and then cached; `progress` reports each step. */
  prepare(progress: (message: string) => void): Promise<void>;
  run(name: ScenarioName, session: CastSession, progress: (message: string) => void): Promise<unknown>;
  /** Removes every container (and compose network/volume) a scenario may have left; returns the containers' names. */
  cleanup(): string[];
  /** What a saved recording's manifest records about how it was made. */
  manifestContext(): Promise<{ bases: Bases; origin: "stand-in" | "official" }>;
}

export type RunStatus = "queued" | "running" | "finished" | "failed" | "cancelled";

export class LiveRun {
  readonly id = randomUUID();
  readonly frames: LiveFrame[] = [];
  private readonly subscribers = new Set<(frame: LiveFrame) => void>();
  status: RunStatus = "queued";
  session?: CastSession;
  facts?: unknown;
  cancelRequested = false;

  constructor(readonly scenario: ScenarioName) {}

  emit(event: LiveEvent): void {
    const frame = { seq: this.frames.length, event };
    this.frames.push(frame);
    for (const subscriber of this.subscribers) subscriber(frame);
  }

  /** Every frame after `afterSeq` now, then each new one as it happens. Returns the unsubscribe. */
  subscribe(afterSeq: number, subscriber: (frame: LiveFrame) => void): () => void {
    for (const frame of this.frames) if (frame.seq > afterSeq) subscriber(frame);
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }
}

export class QueueFullError extends Error {}

/**
 * One run at a time, in order: two scenarios would fight over container names and the two
 * CPU cores, and a room watches one terminal anyway. Queued runs see their position change.
 */
export class RunQueue {
  private readonly runs = new Map<string, LiveRun>();
  private readonly waiting: LiveRun[] = [];
  private current?: { run: LiveRun; done: Promise<void> };
  private closed = false;

  constructor(
    private readonly executor: ScenarioExecutor,
    private readonly log: (message: string) => void = () => {},
    private readonly maxWaiting = 5,
    /** Finished runs kept for replay and saving; older ones are forgotten. */
    private readonly keepFinished = 20,
  ) {}

  get(id: string): LiveRun | undefined {
    return this.runs.get(id);
  }

  snapshot() {
    return {
      current: this.current ? { id: this.current.run.id, scenario: this.current.run.scenario } : null,
      waiting: this.waiting.map((run, index) => ({ id: run.id, scenario: run.scenario, position: index + 1 })),
    };
  }

  enqueue(scenario: ScenarioName): LiveRun {
    if (this.closed) throw new QueueFullError("the live server is shutting down");
    if (this.waiting.length >= this.maxWaiting) throw new QueueFullError(`${this.waiting.length} runs are already waiting; try again when one has finished`);
    const run = new LiveRun(scenario);
    this.runs.set(run.id, run);
    this.waiting.push(run);
    this.forgetOldRuns();
    run.emit({ type: "queued", position: this.waiting.length });
    this.log(`queued ${scenario} (${run.id})`);
    this.startNext();
    return run;
  }

  /** A waiting run leaves the queue; the running one has its commands killed and its containers removed. */
  cancel(id: string): boolean {
    const run = this.runs.get(id);
    if (!run || (run.status !== "queued" && run.status !== "running")) return false;
    run.cancelRequested = true;
    const index = this.waiting.indexOf(run);
    if (index >= 0) {
      this.waiting.splice(index, 1);
      run.status = "cancelled";
      run.emit({ type: "cancelled", removedContainers: [] });
      this.announcePositions();
    } else {
      run.session?.cancel();
    }
    this.log(`cancel requested for ${run.scenario} (${run.id})`);
    return true;
  }

  /** Cancels everything and waits (bounded) for the running scenario to clean up: nothing is left running. */
  async close(timeoutMs = 30_000): Promise<string[]> {
    this.closed = true;
    for (const run of [...this.waiting]) this.cancel(run.id);
    const removed: string[] = [];
    const running = this.current;
    if (running) {
      this.cancel(running.run.id);
      await Promise.race([running.done, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
      const last = running.run.frames.at(-1)?.event;
      if (last?.type === "cancelled") removed.push(...last.removedContainers);
    }
    return [...removed, ...this.executor.cleanup()];
  }

  private announcePositions(): void {
    this.waiting.forEach((run, index) => run.emit({ type: "queued", position: index + 1 }));
  }

  private forgetOldRuns(): void {
    const ended = [...this.runs.values()].filter((run) => run.status !== "queued" && run.status !== "running");
    for (const run of ended.slice(0, Math.max(0, ended.length - this.keepFinished))) this.runs.delete(run.id);
  }

  private startNext(): void {
    if (this.current || this.closed) return;
    const run = this.waiting.shift();
    if (!run) return;
    this.announcePositions();
    const done = this.execute(run).finally(() => {
      this.current = undefined;
      this.startNext();
    });
    this.current = { run, done };
  }

  private async execute(run: LiveRun): Promise<void> {
    run.status = "running";
    const progress = (message: string) => {
      this.log(`${run.scenario}: ${message}`);
      if (run.status === "running" && !run.session) run.emit({ type: "preparing", message });
    };
    try {
      progress("checking the base images and building the demo images (cached after the first run)");
      await this.executor.prepare(progress);
      if (run.cancelRequested) throw new RunCancelled();
      const title = this.executor.title(run.scenario);
      run.session = new CastSession(title, {
        output: (t, data) => run.emit({ type: "output", t, data }),
        marker: (event) => run.emit({ type: "marker", event }),
      });
      run.emit({ type: "started", title, cols: CAST_WIDTH, rows: CAST_HEIGHT, at: Date.now() - run.session.now() * 1000 });
      this.log(`running ${run.scenario}`);
      run.facts = await this.executor.run(run.scenario, run.session, (message) => this.log(`${run.scenario}: ${message}`));
      if (run.cancelRequested) throw new RunCancelled();
      run.status = "finished";
      run.emit({ type: "finished", durationSeconds: run.session.now() });
      this.log(`finished ${run.scenario} in ${run.session.now().toFixed(1)} s`);
    } catch (error) {
      const removedContainers = this.executor.cleanup();
      if (run.cancelRequested || error instanceof RunCancelled) {
        run.status = "cancelled";
        run.emit({ type: "cancelled", removedContainers });
        this.log(`cancelled ${run.scenario}; removed ${removedContainers.join(", ") || "no containers"}`);
      } else {
        run.status = "failed";
        const message = error instanceof Error ? error.message : String(error);
        run.emit({ type: "failed", message });
        this.log(`failed ${run.scenario}: ${message}`);
      }
    }
  }
}
