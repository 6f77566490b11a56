import { describe, expect, it } from "vitest";
import { LAB_HASH_PREFIX, runnerUrlInHash } from "./runner-link";

describe("runnerUrlInHash", () => {
  it("reads the runner's URL from the link npm run lab prints", () => {
    const url = "http://127.0.0.1:4300/?token=abcdefghijklmnopqrstuvwxyz";
    expect(runnerUrlInHash(`${LAB_HASH_PREFIX}${encodeURIComponent(url)}`)).toBe(url);
  });

  it("is null for any other hash, such as a heading's or a sandbox's", () => {
    expect(runnerUrlInHash("#build-cache")).toBeNull();
    expect(runnerUrlInHash("#stop-naive@12.5")).toBeNull();
    expect(runnerUrlInHash("")).toBeNull();
  });
});
