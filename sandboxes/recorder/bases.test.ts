import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KNOWN_NODE_BINARIES, NODE_VERSION, verifyNodeBinary } from "./bases";

describe("the Node binary the stand-in bases are built from", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "course-node-binary-"));
  const file = path.join(dir, "node");
  writeFileSync(file, "pretend node\n");
  const itsHash = "b0dc6bdcb69b5c2a4a1a2b6e0c0c1e4c5bb6e6d0b3d9d4c2b7b8d8c9a0b1c2d3";

  it("has a sha256 pinned for the version the recorder uses", () => {
    expect(KNOWN_NODE_BINARIES[NODE_VERSION]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a binary whose sha256 is not the pinned one, naming both", () => {
    expect(() => verifyNodeBinary(file, "20.0.0", { "20.0.0": itsHash })).toThrow(
      /has sha256 [0-9a-f]{64}, but b0dc6bdc.* is pinned/,
    );
  });

  it("accepts the pinned binary and refuses a version with nothing pinned", () => {
    const actual = (() => {
      try {
        verifyNodeBinary(file, "20.0.0", { "20.0.0": itsHash });
      } catch (error) {
        return /has sha256 ([0-9a-f]{64})/.exec(String(error))![1]!;
      }
      throw new Error("expected a mismatch");
    })();
    expect(verifyNodeBinary(file, "20.0.0", { "20.0.0": actual })).toBe(actual);
    expect(() => verifyNodeBinary(file, "99.0.0", {})).toThrow(/no sha256 is pinned for Node 99.0.0/);
  });
});
