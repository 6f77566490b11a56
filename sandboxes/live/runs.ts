import { randomUUID } from "node:crypto";
import type { LiveEvent, LiveFrame } from "@/lib/live/events";
import { CAST_HEIGHT, CAST_WIDTH, CastSession, RunCancelled } from "../recorder/cast";
import type { Bases } from "../recorder/bases";
import { RUN_LABEL } from "../recorder/kit";
import type { ScenarioName } from "@/lib/recordings/manifest-schema";

/** How the queue runs a scenario: the real one drives Docker (see executor.ts). */
export interface ScenarioExecutor {
  title(name: ScenarioName): string;
  /** Bases and images, built once and then cached; `progress` reports each step; `signal` kills the builds. */
  prepare(progress: (message: string) => void, signal: AbortSignal): Promise<void>;
  /** Runs a scenario; what it creates carries `runId` (see cleanup), and the session's signal stops it. */
  run(name: ScenarioName, runId: string, session: CastSession, progress: (message: string) => void): Promise<unknown>;
  /** Removes the containers (and compose network and volume) the run `runId` created, and nothing else; returns the containers' names. */
  cleanup(runId: string): Promise<string[]>;
  /** What a saved recording's manifest records about how it was made. */
  manifestContext(): Promise<{ bases: Bases; origin: "stand-in" | "official" }>;
  /** Frees what the executor holds (its work folder); the server calls it once, when it closes. */
  close(): void;
}

export type RunStatus = "queued" | "running" | "finished" | "failed" | "cancelled";

export class LiveRun {
  readonly id = randomUUID();
  /** Every event so far; a frame's seq is its index, so a stream resumes by index. */
  readonly frames: LiveFrame[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly cancellation = new AbortController();
  /** Aborted once the run is cancelled: the commands it started are killed and its waits end. */
  readonly signal = this.cancellation.signal;
  status: RunStatus = "queued";
  session?: CastSession;
  facts?: unknown;

  constructor(readonly scenario: ScenarioName) {}

  emit(event: LiveEvent): void {
    this.frames.push({ seq: this.frames.length, event });
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after each new frame (it reads `frames` itself, at its own pace). Returns the unsubscribe. */
  onFrame(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  cancel(): void {
    this.cancellation.abort(new RunCancelled());
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
    if (this.waiting.length >= this.maxWaiting)
      throw new QueueFullError(`${this.waiting.length} runs are already waiting; try again when one has finished`);
    const run = new LiveRun(scenario);
    this.runs.set(run.id, run);
    this.waiting.push(run);
    this.forgetOldRuns();
    run.emit({ type: "queued", position: this.waiting.length });
    this.log(`queued ${scenario} (${run.id})`);
    this.startNext();
    return run;
  }

  /** A waiting run leaves the queue; the running one has its builds and commands killed and what it created removed. */
  cancel(id: string): boolean {
    const run = this.runs.get(id);
    if (!run || (run.status !== "queued" && run.status !== "running")) return false;
    run.cancel();
    const index = this.waiting.indexOf(run);
    if (index >= 0) {
      this.waiting.splice(index, 1);
      run.status = "cancelled";
      run.emit({ type: "cancelled", removedContainers: [] });
      this.announcePositions();
    }
    this.log(`cancel requested for ${run.scenario} (${run.id})`);
    return true;
  }

  /**
   * Cancels everything and waits (bounded) for the running scenario to end and remove what it
   * created. Returns the containers removed; an idle queue removes nothing.
   */
  async close(timeoutMs = 15_000): Promise<string[]> {
    this.closed = true;
    for (const run of [...this.waiting]) this.cancel(run.id);
    const running = this.current;
    if (!running) return [];
    this.cancel(running.run.id);
    const ended = await Promise.race([
      running.done.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
    ]);
    if (!ended) {
      throw new Error(
        `${running.run.scenario} did not stop within ${timeoutMs / 1000} s; what it created carries the label ${RUN_LABEL}=${running.run.id}`,
      );
    }
    const last = running.run.frames.at(-1)?.event;
    return last?.type === "cancelled" ? last.removedContainers : [];
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
      await this.executor.prepare(progress, run.signal);
      run.signal.throwIfAborted();
      const title = this.executor.title(run.scenario);
      run.session = new CastSession(title, {
        listener: {
          output: (t, data) => run.emit({ type: "output", t, data }),
          marker: (event) => run.emit({ type: "marker", event }),
        },
        signal: run.signal,
      });
      run.emit({
        type: "started",
        title,
        cols: CAST_WIDTH,
        rows: CAST_HEIGHT,
        at: Date.now() - run.session.now() * 1000,
      });
      this.log(`running ${run.scenario}`);
      run.facts = await this.executor.run(run.scenario, run.id, run.session, (message) =>
        this.log(`${run.scenario}: ${message}`),
      );
      run.signal.throwIfAborted();
      run.status = "finished";
      run.emit({ type: "finished", durationSeconds: run.session.now() });
      this.log(`finished ${run.scenario} in ${run.session.now().toFixed(1)} s`);
    } catch (error) {
      const removedContainers = await this.executor.cleanup(run.id);
      if (run.signal.aborted) {
        run.status = "cancelled";
        run.emit({ type: "cancelled", removedContainers });
        this.log(`cancelled ${run.scenario}; removed ${removedContainers.join(", ") || "no containers"}`);
      } else {
        run.status = "failed";
        const message = error instanceof Error ? error.message : String(error);
        run.emit({ type: "failed", message });
        this.log(`failed ${run.scenario}: ${message}; removed ${removedContainers.join(", ") || "no containers"}`);
      }
    }
  }
}
