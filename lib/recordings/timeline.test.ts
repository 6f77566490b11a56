import { describe, expect, it } from "vitest";
import { parseAsciicast } from "@/lib/asciicast/parse";
import { playbackToRaw, rawToPlayback } from "@/lib/asciicast/time-map";
import { markerStateAt } from "./marker-state";
import { alignEvents, eventsFromMarkers, stateAt } from "./timeline";

// A stop scenario: the container runs, SIGTERM at 5 s, a 10 s wait compressed to 2 s (playback: running 1, SIGTERM 3.2, exit 5.2), then exit.
const recording = parseAsciicast(
  [
    JSON.stringify({ version: 2, width: 80, height: 24, idle_time_limit: 2 }),
    '[1, "m", "container running"]',
    '[1.2, "o", "listening\\r\\n"]',
    '[5, "m", "SIGTERM sent"]',
    '[15, "m", "exited"]',
    '[15.5, "o", "done\\r\\n"]',
  ].join("\n") + "\n",
);
const events = alignEvents(recording, [
  {
    t: 1,
    label: "container running",
    kind: "start",
    state: { container: "running", health: "starting", pid1: "npm start", user: "root", inflight: "pending" },
  },
  { t: 5, label: "SIGTERM sent", kind: "sigterm", state: { container: "stopping", sigtermAt: 5 } },
  { t: 15, label: "exited", kind: "exit", state: { container: "exited", exitCode: 137, inflight: "dropped" } },
]);

describe("time mapping", () => {
  it("places events on the playback clock at their markers' times", () => {
    expect(events.map((e) => e.time)).toEqual([1, 3.2, 5.2]);
  });

  it("maps recorded time to playback time and back, running faster inside a shortened pause", () => {
    expect(rawToPlayback(recording, 5)).toBe(3.2);
    expect(rawToPlayback(recording, 10)).toBeCloseTo(4.2);
    expect(playbackToRaw(recording, 4.2)).toBeCloseTo(10);
    expect(playbackToRaw(recording, 5.7)).toBeCloseTo(15.5);
  });
});

describe("stateAt", () => {
  it("is empty before the first event", () => {
    expect(stateAt(recording, events, 0.5)).toEqual({});
  });

  it("merges every event up to the playhead", () => {
    expect(stateAt(recording, events, 2)).toEqual({
      container: "running",
      health: "starting",
      pid1: "npm start",
      user: "root",
      inflight: "pending",
    });
    expect(stateAt(recording, events, 5.2)).toMatchObject({
      container: "exited",
      exitCode: 137,
      inflight: "dropped",
      pid1: "npm start",
    });
  });

  it("restores the earlier state when seeking backwards", () => {
    expect(stateAt(recording, events, 6).container).toBe("exited");
    const back = stateAt(recording, events, 2);
    expect(back.container).toBe("running");
    expect(back.exitCode).toBeUndefined();
    expect(back.sinceSigterm).toBeUndefined();
  });

  it("counts recorded seconds since SIGTERM, and stops counting at the exit", () => {
    expect(stateAt(recording, events, 3.2).sinceSigterm).toBe(0);
    expect(stateAt(recording, events, 4.2).sinceSigterm).toBeCloseTo(5);
    expect(stateAt(recording, events, 5.7).sinceSigterm).toBe(10);
  });
});

describe("a moment and the output it labels", () => {
  // As the recorder writes it: the marker, then 0.2 ms later the command it announces, then the command's result.
  const stop = parseAsciicast(
    [
      JSON.stringify({ version: 2, width: 80, height: 24 }),
      '[1.969052, "m", "docker stop: SIGTERM sent"]',
      '[1.969263, "o", "$ docker stop course-stop-naive\\r\\n"]',
      '[2.5, "o", "npm error signal SIGTERM\\r\\n"]',
    ].join("\n") + "\n",
  );
  const output = (time: number) => stop.output.filter((event) => event.time <= time + 1e-9).map((event) => event.data);

  it("lands after the command the marker announces, so seeking to it shows that line", () => {
    const [sigterm] = alignEvents(stop, [
      { t: 1.969052, label: "docker stop: SIGTERM sent", kind: "sigterm", state: { container: "stopping" } },
    ]);
    expect(output(sigterm!.time).join("")).toContain("$ docker stop course-stop-naive");
    expect(output(sigterm!.time).join("")).not.toContain("npm error");
    expect(eventsFromMarkers(stop)[0]!.time).toBe(sigterm!.time);
  });
});

describe("a probe result does not outlive the container", () => {
  const ready = {
    t: 1,
    time: 1,
    label: "serving",
    kind: "ready",
    state: { container: "running" as const, httpHealth: 200 as const },
  };
  const exit = { t: 3, time: 3, label: "exited", kind: "exit", state: { container: "exited" as const, exitCode: 1 } };

  it("clears the last HTTP answer when the container exits", () => {
    expect(markerStateAt([ready], 2).httpHealth).toBe(200);
    expect(markerStateAt([ready, exit], 3)).toEqual({ container: "exited", exitCode: 1 });
  });

  it("keeps a refused connection, which stays true after the exit", () => {
    const refused = { t: 2, time: 2, label: "refused", kind: "healthz", state: { httpHealth: "refused" as const } };
    expect(markerStateAt([ready, refused, exit], 3).httpHealth).toBe("refused");
  });
});
