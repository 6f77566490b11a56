import { spawnKillable } from "./docker";
import type { ScenarioEvent, StatePatch } from "@/lib/recordings/manifest-schema";

export const CAST_WIDTH = 100;
export const CAST_HEIGHT = 30;
/** Long waits (an image build, a 10 s grace period) replay capped at this many seconds; events keep their real times. */
export const IDLE_TIME_LIMIT = 3;

const PROMPT = "\u001b[1;32m$\u001b[0m ";
const DIM = "\u001b[2m";
const RESET = "\u001b[0m";

type CastEvent = [number, "o" | "m", string];

/** Sees every output chunk and marker as it happens (the live demo server streams them). */
export interface CastListener {
  output(t: number, data: string): void;
  marker(event: ScenarioEvent): void;
}

/** Thrown into a scenario's next command or marker once its run has been cancelled (also the abort reason of a cancelled run). */
export class RunCancelled extends Error {
  constructor() {
    super("the run was cancelled");
    this.name = "RunCancelled";
  }
}

interface CommandOptions {
  /** What the prompt shows, when the real argv is noisy (absolute paths, long flags). */
  display?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Records a terminal session as asciicast v2: every output chunk is stamped with the real
 * time it arrived, and markers name the moments the lesson links to.
 */
export class CastSession {
  private readonly started = process.hrtime.bigint();
  private readonly startedAt = Math.floor(Date.now() / 1000);
  private readonly castEvents: CastEvent[] = [];
  readonly events: ScenarioEvent[] = [];
  private readonly listener?: CastListener;
  /**
   * The run's cancellation: when it aborts, every command this session started is killed and the
   * scenario's next command or marker throws RunCancelled. Scenarios pass it to their own waits.
   */
  readonly signal?: AbortSignal;

  constructor(
    readonly title: string,
    options: { listener?: CastListener; signal?: AbortSignal } = {},
  ) {
    this.listener = options.listener;
    this.signal = options.signal;
  }

  private assertNotCancelled(): void {
    if (this.signal?.aborted) throw new RunCancelled();
  }

  now(): number {
    return Math.round(Number(process.hrtime.bigint() - this.started) / 1e3) / 1e6;
  }

  write(text: string): void {
    // Terminals need CR LF; programs print LF.
    const event: CastEvent = [this.now(), "o", text.replace(/\r?\n/g, "\r\n")];
    this.castEvents.push(event);
    this.listener?.output(event[0], event[2]);
  }

  comment(text: string): void {
    this.write(`${DIM}# ${text}${RESET}\n`);
  }

  /** A marker in the cast plus the matching structured event for the site's state panel. */
  mark(kind: string, label: string, state: StatePatch | ((t: number) => StatePatch) = {}): number {
    this.assertNotCancelled();
    const t = this.now();
    this.castEvents.push([t, "m", label]);
    const event = { t, label, kind, state: typeof state === "function" ? state(t) : state };
    this.events.push(event);
    this.listener?.marker(event);
    return t;
  }

  /** Shows the command as typed at the prompt, then runs it and streams its real output. */
  exec(command: string, args: string[], options: CommandOptions = {}): Promise<{ code: number; output: string }> {
    this.assertNotCancelled();
    this.write(`${PROMPT}${options.display ?? [command, ...args].join(" ")}\n`);
    return this.spawnStreaming(command, args, options.timeoutMs ?? 600_000, options.env).done;
  }

  /** Starts a command in the background (like `cmd &`); its output joins the terminal as it arrives. */
  background(command: string, args: string[], options: CommandOptions = {}) {
    this.assertNotCancelled();
    this.write(`${PROMPT}${options.display ?? [command, ...args].join(" ")} &\n`);
    return this.spawnStreaming(command, args, options.timeoutMs ?? 120_000, options.env);
  }

  private spawnStreaming(command: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = process.env) {
    const child = spawnKillable(command, args, { ...env, DOCKER_BUILDKIT: "1" }, this.signal);
    let output = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      this.write(text);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    // Every command is bounded in time: a hung container must not hang the recorder.
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const done = new Promise<{ code: number; output: string }>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? 1, output });
      });
    });
    return { done, stop: () => child.kill("SIGTERM"), output: () => output };
  }

  toAsciicast(): string {
    const header = {
      version: 2,
      width: CAST_WIDTH,
      height: CAST_HEIGHT,
      timestamp: this.startedAt,
      idle_time_limit: IDLE_TIME_LIMIT,
      title: this.title,
      env: { TERM: "xterm-256color", SHELL: "/bin/bash" },
    };
    // Events are stamped as they are pushed, so they are already in time order.
    return [JSON.stringify(header), ...this.castEvents.map((event) => JSON.stringify(event))].join("\n") + "\n";
  }
}
