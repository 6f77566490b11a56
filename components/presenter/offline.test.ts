import { describe, expect, it } from "vitest";
import { askWorkerToSave, assetsOf, buildVersion } from "./offline";

describe("the offline copy's build version", () => {
  const build = [
    "/_next/static/chunks/main-app-1a2b.js",
    "/_next/static/chunks/page-3c4d.js",
    "/_next/static/css/presenter-5e6f.css",
  ];

  it("is the same for the same scripts and styles, in any order and however often a page lists them", async () => {
    const version = await buildVersion(build);
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(await buildVersion([...build].reverse())).toBe(version);
    expect(await buildVersion([...build, build[0]!])).toBe(version);
  });

  it("changes when a deploy changes any of them", async () => {
    expect(await buildVersion([...build.slice(0, 2), "/_next/static/css/presenter-7a8b.css"])).not.toBe(
      await buildVersion(build),
    );
  });
});

describe("the assets a presenter page needs", () => {
  it("are its scripts and each stylesheet its inlined CSS came from, nothing outside the build", () => {
    const html =
      '<html><head><style data-precedence="next" data-href="/_next/static/chunks/a1.css /_next/static/chunks/b2.css">' +
      'body{margin:0}</style><script src="/_next/static/chunks/c3.js" async=""></script></head>' +
      '<body><link rel="icon" href="/icon.svg"/><a href="/learn/x">lesson</a></body></html>';
    expect(assetsOf(html)).toEqual([
      "/_next/static/chunks/a1.css",
      "/_next/static/chunks/b2.css",
      "/_next/static/chunks/c3.js",
    ]);
  });
});

describe("asking the service worker to save the offline copy", () => {
  /** A worker that answers each save with `answer` (or never, when it is undefined) and keeps what it was sent. */
  function workerAnswering(answer: unknown) {
    const sent: unknown[] = [];
    return {
      sent,
      postMessage(message: unknown, transfer: Transferable[]) {
        sent.push(message);
        if (answer !== undefined) (transfer[0] as MessagePort).postMessage(answer);
      },
    };
  }
  const urls = ["/present/c/l", "/recordings/stop-naive.cast", "/_next/static/chunks/c3.js"];

  it("sends every URL and is ready when the worker says it saved them", async () => {
    const worker = workerAnswering({ saved: true });
    await expect(askWorkerToSave(worker, urls)).resolves.toBe("ready");
    expect(worker.sent).toEqual([{ type: "save-for-offline", urls }]);
  });

  it("has failed when the worker says it could not", async () => {
    await expect(askWorkerToSave(workerAnswering({ saved: false }), urls)).resolves.toBe("failed");
    await expect(askWorkerToSave(workerAnswering("something else"), urls)).resolves.toBe("failed");
  });

  it("has failed when the worker never answers, instead of saving forever", async () => {
    await expect(askWorkerToSave(workerAnswering(undefined), urls, 20)).resolves.toBe("failed");
  });
});
