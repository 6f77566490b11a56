import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveFrame } from "./events";
import { followLiveRun } from "./client";

/** Just enough of EventSource to drive followLiveRun: the test plays the browser's part. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static latest: FakeEventSource;
  readyState = FakeEventSource.CONNECTING;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.latest = this;
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  receive(frame: LiveFrame) {
    this.readyState = FakeEventSource.OPEN;
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent<string>);
  }
  /** A dropped connection: the browser retries unless the answer was an HTTP error, which closes the stream for good. */
  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.();
  }
}

describe("following a live run's event stream", () => {
  beforeEach(() => vi.stubGlobal("EventSource", FakeEventSource));
  afterEach(() => vi.unstubAllGlobals());

  it("reports the server lost when a reconnect is answered with an HTTP error (a restarted server's 404)", () => {
    const onLost = vi.fn();
    followLiveRun("http://127.0.0.1:4100", "run-1", () => {}, onLost);
    FakeEventSource.latest.receive({ seq: 0, event: { type: "queued", position: 1 } });
    FakeEventSource.latest.fail(FakeEventSource.CLOSED);
    expect(onLost).toHaveBeenCalledTimes(1);
  });

  it("waits through the browser's own retries, and gives up after five in a row with nothing received", () => {
    const onLost = vi.fn();
    followLiveRun("http://127.0.0.1:4100", "run-1", () => {}, onLost);
    for (let failure = 1; failure <= 4; failure++) FakeEventSource.latest.fail(FakeEventSource.CONNECTING);
    expect(onLost).not.toHaveBeenCalled();
    FakeEventSource.latest.fail(FakeEventSource.CONNECTING);
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(FakeEventSource.latest.readyState).toBe(FakeEventSource.CLOSED);
  });

  it("closes the stream when the run ends, without reporting a loss", () => {
    const onLost = vi.fn();
    const frames: LiveFrame[] = [];
    followLiveRun("http://127.0.0.1:4100", "run-1", (frame) => frames.push(frame), onLost);
    FakeEventSource.latest.receive({ seq: 0, event: { type: "finished", durationSeconds: 3 } });
    expect(frames).toHaveLength(1);
    expect(FakeEventSource.latest.readyState).toBe(FakeEventSource.CLOSED);
    expect(onLost).not.toHaveBeenCalled();
  });
});
