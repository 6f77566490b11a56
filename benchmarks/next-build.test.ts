import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { buildInto } from "./next-build";

describe("a benchmark's build into another dist dir", () => {
  const projectDir = mkdtempSync(path.join(os.tmpdir(), "next-build-"));
  const tsconfig = path.join(projectDir, "tsconfig.json");
  const asWritten = '{ "include": ["next-env.d.ts", "**/*.ts"] }\n';
  /** What Next does to tsconfig.json when it builds into `distDir`. */
  const rewriteLikeNext = (distDir: string) =>
    writeFileSync(
      tsconfig,
      JSON.stringify({ include: ["next-env.d.ts", "**/*.ts", `${distDir}/types/**/*.ts`] }, null, 2),
    );

  afterEach(() => writeFileSync(tsconfig, asWritten));
  afterAll(() => rmSync(projectDir, { recursive: true, force: true }));
  writeFileSync(tsconfig, asWritten);

  it("leaves tsconfig.json as it was written", () => {
    buildInto(".next-bench", { projectDir, build: rewriteLikeNext });
    expect(readFileSync(tsconfig, "utf8")).toBe(asWritten);
  });

  it("puts it back even when the build fails", () => {
    const failing = (distDir: string) => {
      rewriteLikeNext(distDir);
      throw new Error("next build failed");
    };
    expect(() => buildInto(".next-bench", { projectDir, build: failing })).toThrow("next build failed");
    expect(readFileSync(tsconfig, "utf8")).toBe(asWritten);
  });

  it("starts from an empty dist dir", () => {
    mkdirSync(path.join(projectDir, ".next-bench", "server"), { recursive: true });
    let existedDuringBuild = true;
    buildInto(".next-bench", {
      projectDir,
      build: () => (existedDuringBuild = existsSync(path.join(projectDir, ".next-bench"))),
    });
    expect(existedDuringBuild).toBe(false);
  });
});
