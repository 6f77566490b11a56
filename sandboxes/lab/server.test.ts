import { mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LAB_TOKEN_HEADER, type LabEvent } from "@/lib/lab/protocol";
import type { BaseRole } from "../recorder/bases";
import type { CastSession } from "../recorder/cast";
import { pollUntil } from "../recorder/kit";
import type { GradeRequest, LabGrader } from "./grader";
import { createLabServer, newLabToken, parseLabArgs } from "./server";
import { streamLabRun } from "./test-client";

/**
 * The runner's HTTP contract and its refusals, with a grader that runs harmless processes instead
 * of Docker. The Docker-backed test (lab.docker.test.ts) grades real Dockerfiles through the same server.
 */
class FakeGrader implements LabGrader {
  readonly graded: GradeRequest[] = [];
  readonly cleanedUp: string[] = [];
  closed = false;
  async bases(): Promise<Record<BaseRole, string>> {
    return { fat: "fake/full:1", slim: "fake/slim:1", distroless: "fake/distroless:1" };
  }
  async grade(request: GradeRequest, session: CastSession, emit: (event: LabEvent) => void) {
    this.graded.push(request);
    await session.exec("sh", ["-c", "echo building"], { display: "docker build (fake)" });
    emit({
      type: "check",
      result: { id: "size", passed: true, measured: "200 MB", optimized: "228 MB", detail: "fake" },
    });
    // A Dockerfile mentioning "slow" stands for a long build: it waits until cancelled.
    if (request.dockerfile.includes("slow")) await session.exec("sleep", ["30"], { display: "sleep" });
    emit({
      type: "check",
      result: { id: "user", passed: false, measured: "root (uid 0)", optimized: "node (uid 1000)", detail: "fake" },
    });
  }
  async cleanup(runId: string) {
    this.cleanedUp.push(runId);
    return ["course-lab-fake"];
  }
  close() {
    this.closed = true;
  }
}

const TOKEN = newLabToken();
const GOOD = 'FROM node:20-slim\nUSER node\nCMD ["node", "dist/server.js"]\n';
const grader = new FakeGrader();
let engine = true;
const saveDir = mkdtempSync(path.join(os.tmpdir(), "course-lab-save-"));
const lab = createLabServer({
  port: 0,
  token: TOKEN,
  grader,
  basesOrigin: "stand-in",
  saveDir,
  engineAvailable: async () => engine,
  log: () => {},
});
let base = "";

/** A raw request, so tests can send any Host header (fetch would not). */
function raw(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${pathname}`, { method, headers }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += String(chunk)));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

const authorized = { [LAB_TOKEN_HEADER]: TOKEN, "content-type": "application/json" };

async function post(body: unknown, headers: Record<string, string> = authorized) {
  return raw("POST", "/api/runs", headers, JSON.stringify(body));
}

const streamRun = (dockerfile: string, onEvent?: (event: LabEvent) => boolean | void) =>
  streamLabRun(base, TOKEN, dockerfile, onEvent);

beforeAll(async () => {
  base = `http://127.0.0.1:${await lab.listen()}`;
});
afterAll(async () => {
  await lab.close();
});
beforeEach(() => {
  engine = true;
});

describe("the lab runner's HTTP contract (fake grader, no engine)", () => {
  it("streams each check as it is measured, then the grade, and cleans up after the run", async () => {
    const { events } = await streamRun(GOOD);
    expect(events.map((event) => event.type)).toEqual([
      "accepted",
      "phase",
      "output",
      "output",
      "check",
      "check",
      "finished",
    ]);
    const finished = events.at(-1);
    expect(finished).toMatchObject({ type: "finished", passed: 1, total: 6 });
    const runId = (events[0] as { runId: string }).runId;
    expect(grader.cleanedUp).toContain(runId);
    // The grader builds the policy's text: FROM points at the runner's own base.
    expect(grader.graded.at(-1)!.dockerfile.split("\n")[0]).toBe("FROM fake/slim:1");
    expect(grader.graded.at(-1)!.finalBase).toBe("slim");
  });

  it("saves a finished run as an asciicast v2 recording of its real output", async () => {
    const { events } = await streamRun(GOOD);
    const runId = (events[0] as { runId: string }).runId;
    const saved = await raw("POST", `/api/runs/${runId}/save`, authorized);
    expect(saved.status).toBe(201);
    const cast = readFileSync(JSON.parse(saved.text).cast as string, "utf8").split("\n");
    expect(JSON.parse(cast[0]!)).toMatchObject({ version: 2, width: 100 });
    expect(cast.some((line) => line.includes("building"))).toBe(true);
    expect(
      (await raw("POST", `/api/runs/${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}/save`, authorized)).status,
    ).toBe(404);
  });

  it("refuses a request without the token, or with a wrong one (401), but answers the preflight", async () => {
    expect((await raw("GET", "/api/status", {})).status).toBe(401);
    expect((await raw("GET", "/api/status", { [LAB_TOKEN_HEADER]: `${TOKEN.slice(1)}x` })).status).toBe(401);
    expect((await post({ dockerfile: GOOD }, { "content-type": "application/json" })).status).toBe(401);
    const preflight = await raw("OPTIONS", "/api/runs", {
      origin: "https://course.example",
      "access-control-request-private-network": "true",
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-headers"]).toContain(LAB_TOKEN_HEADER);
    expect(preflight.headers["access-control-allow-private-network"]).toBe("true");
    const status = await raw("GET", "/api/status", { ...authorized, origin: "https://course.example" });
    expect(status.status).toBe(200);
    expect(status.headers["access-control-allow-origin"]).toBe("https://course.example");
    expect(JSON.parse(status.text)).toEqual({ engine: true, busy: false, bases: "stand-in" });
  });

  it("refuses a Host header that is not loopback (DNS rebinding), even with the token", async () => {
    const port = new URL(base).port;
    const rebound = await raw("GET", "/api/status", { ...authorized, host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    expect((await raw("GET", "/api/status", { ...authorized, host: `localhost:${port}` })).status).toBe(200);
  });

  it("refuses a Dockerfile the policy refuses (422, with each line) and never grades it", async () => {
    const before = grader.graded.length;
    const refused = await post({ dockerfile: "FROM alpine\nRUN --network=host ls\n" });
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.text).refusals).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/only the course's bases/) }),
      expect.objectContaining({ line: 2, message: expect.stringMatching(/RUN --network is not accepted/) }),
    ]);
    expect(grader.graded.length).toBe(before);
  });

  it("accepts only a Dockerfile's text: other fields, non-JSON, other content types and more than 16 KiB are refused", async () => {
    const extra = await post({ dockerfile: GOOD, buildArgs: { A: "1" }, flags: ["--privileged"] });
    expect(extra.status).toBe(400);
    expect(JSON.parse(extra.text).error).toBe('only "dockerfile" may be sent; refused: "buildArgs", "flags"');
    expect((await raw("POST", "/api/runs", authorized, "FROM node:20")).status).toBe(400);
    expect(
      (await raw("POST", "/api/runs", { [LAB_TOKEN_HEADER]: TOKEN, "content-type": "text/plain" }, GOOD)).status,
    ).toBe(415);
    const large = await post({ dockerfile: `${GOOD}# ${"x".repeat(16 * 1024)}\n` });
    expect(large.status).toBe(400);
    expect(JSON.parse(large.text).error).toBe("the Dockerfile is larger than 16 KiB");
    expect((await post({ dockerfile: "\t".repeat(40_000) })).status).toBe(413);
  });

  it("answers 503 when no engine is reachable", async () => {
    engine = false;
    expect((await post({ dockerfile: GOOD })).status).toBe(503);
  });

  it("runs one at a time: a second run gets 409; DELETE cancels, streams 'cancelled' and cleans up", async () => {
    let second: number | undefined;
    let cancelled: number | undefined;
    const { events } = await streamRun(`${GOOD}# slow\n`, (event) => {
      if (event.type === "check" && second === undefined) {
        void post({ dockerfile: GOOD }).then(async (answer) => {
          second = answer.status;
          cancelled = (await raw("DELETE", "/api/runs/current", authorized)).status;
        });
      }
    });
    expect(second).toBe(409);
    expect(cancelled).toBe(202);
    expect(events.at(-1)).toEqual({ type: "cancelled", removedContainers: ["course-lab-fake"] });
    expect(grader.cleanedUp).toContain((events[0] as { runId: string }).runId);
    expect((await raw("DELETE", "/api/runs/current", authorized)).status).toBe(409);
  });

  it("cancels and cleans up when the page stops reading the stream (closed tab, Cancel)", async () => {
    const { events } = await streamRun(`${GOOD}# slow\n`, (event) => event.type === "check");
    const runId = (events[0] as { runId: string }).runId;
    expect(await pollUntil(() => grader.cleanedUp.includes(runId), 50, 100)).toBe(true);
    const status = await raw("GET", "/api/status", authorized);
    expect(JSON.parse(status.text).busy).toBe(false);
  });

  it("listens on loopback only: --host is refused", () => {
    expect(() => parseLabArgs(["--host", "0.0.0.0"])).toThrow(/only listens on 127\.0\.0\.1/);
    expect(parseLabArgs(["--port", "4400", "--bases", "official"])).toMatchObject({ port: 4400, bases: "official" });
  });
});
