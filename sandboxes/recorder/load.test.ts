import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startLoad } from "./load";

/**
 * The load generator against a real server on 127.0.0.1 that forces each outcome the rolling
 * deploys count: a request answered, answered with 503, closed without an answer, never answered,
 * or still in flight when the load stops. Each must be counted once, in its own bucket.
 */
type Behaviour = (requestNumber: number, request: http.IncomingMessage, response: http.ServerResponse) => void;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

async function serve(behaviour: Behaviour) {
  const seen = { received: 0 };
  const server = http.createServer((request, response) => behaviour(++seen.received, request, response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

const answer = (response: http.ServerResponse, status = 200) => response.writeHead(status).end("ok");
const runFor = async (load: ReturnType<typeof startLoad>, ms: number) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await load.stop();
};

describe("the load generator counts every request it sends", () => {
  it("counts a request whose connection closes without an answer as failed, and never sends it again", async () => {
    let closedWithoutAnswer = 0;
    const { url, seen } = await serve((n, request, response) => {
      if (n % 5 === 0) {
        closedWithoutAnswer++;
        request.socket.destroy();
      } else answer(response);
    });
    const load = startLoad({ url, rate: 100, connections: 20, maxSeconds: 5 });
    await runFor(load, 800);

    expect(closedWithoutAnswer).toBeGreaterThan(5);
    // Each request the load issued reached the server once (a retry would arrive twice) and was counted once.
    expect(seen.received).toBe(load.issued());
    expect(load.total.sent).toBe(load.issued());
    expect(load.total.resets).toBe(closedWithoutAnswer);
    expect(load.total.ok).toBe(seen.received - closedWithoutAnswer);
  });

  it("waits for the requests still in flight when it stops, and counts them", async () => {
    const { url, seen } = await serve((_n, _request, response) => setTimeout(() => answer(response), 300));
    const load = startLoad({ url, rate: 40, connections: 20, maxSeconds: 5 });
    await runFor(load, 500);

    expect(seen.received).toBeGreaterThan(10);
    expect(load.total).toMatchObject({ sent: seen.received, ok: seen.received });
    expect(load.latency().p50Ms).toBeGreaterThanOrEqual(290);
  });

  it("counts statuses outside 2xx by code and a request that never ends as a timeout", async () => {
    const { url, seen } = await serve((n, _request, response) => {
      if (n === 1) return; // never answered
      answer(response, n % 2 === 0 ? 503 : 200);
    });
    const load = startLoad({ url, rate: 20, connections: 4, maxSeconds: 5, timeoutMs: 1000 });
    await runFor(load, 1500);

    const answered = seen.received - 1;
    expect(load.total).toMatchObject({
      sent: seen.received,
      timeouts: 1,
      httpErrors: { "503": Math.ceil(answered / 2) },
      ok: Math.floor(answered / 2),
    });
  });

  it("keeps its rate while the server is slow, and stops by itself after maxSeconds", async () => {
    const arrivals: number[] = [];
    const { url } = await serve((_n, _request, response) => {
      arrivals.push(Date.now());
      setTimeout(() => answer(response), 400);
    });
    const load = startLoad({ url, rate: 50, connections: 50, maxSeconds: 1 });
    await runFor(load, 1500);

    // Open loop: the 50 requests due in the first second arrive in it, though none is answered for 400 ms.
    const inFirstSecond = arrivals.filter((at) => at - load.startedAt < 1100).length;
    expect(inFirstSecond).toBeGreaterThanOrEqual(45);
    expect(arrivals.length).toBe(50);
    expect(load.total).toMatchObject({ sent: 50, ok: 50 });
  });

  it("targets 127.0.0.1 only", () => {
    expect(() => startLoad({ url: "http://localhost:1/", rate: 1, connections: 1, maxSeconds: 1 })).toThrow(
      /127\.0\.0\.1 only/,
    );
  });
});
