import { describe, expect, it } from "vitest";
import { addInBatches, assetsOf, buildVersion, CACHE_BATCH_SIZE } from "./offline";

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

describe("filling the offline cache", () => {
  it("adds every URL, at most a batch per call, one batch at a time", async () => {
    const urls = Array.from({ length: 20 }, (_, index) => `/recordings/${index}.cast`);
    const calls: string[][] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const cache = {
      async addAll(batch: string[]) {
        calls.push([...batch]);
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
      },
    };
    await addInBatches(cache, urls);
    expect(calls.flat()).toEqual(urls);
    expect(Math.max(...calls.map((batch) => batch.length))).toBe(CACHE_BATCH_SIZE);
    expect(mostInFlight).toBe(1);
  });

  it("stops at the first batch that fails, so the copy is reported as failed", async () => {
    const cache = {
      addAll: async (batch: string[]) => {
        if (batch.includes("/recordings/7.cast")) throw new TypeError("Failed to fetch");
      },
    };
    const urls = Array.from({ length: 20 }, (_, index) => `/recordings/${index}.cast`);
    await expect(addInBatches(cache, urls)).rejects.toThrow("Failed to fetch");
  });
});
