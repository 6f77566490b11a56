import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NAIVE_DOCKERFILE, OPTIMIZED_DOCKERFILE } from "../recorder/images";
import { applyDockerfilePolicy, isCaSecretMount, parseInstructions } from "./dockerfile-policy";

const BASES = { fat: "course-stand-in/node20-full:aaa", slim: "course-stand-in/node20-slim:bbb", distroless: "dl:ccc" };
const check = (text: string) => applyDockerfilePolicy(text, BASES);

/** The refusal messages for a Dockerfile the policy must refuse (fails the test if it is accepted). */
function refusals(text: string): string[] {
  const result = check(text);
  if (result.ok) throw new Error(`accepted, but should have been refused:\n${text}`);
  return result.refusals.map((refusal) => `${refusal.line}: ${refusal.message}`);
}

describe("the lab runner's Dockerfile policy", () => {
  it("accepts the lesson's naive and optimized Dockerfiles and points their FROMs at the runner's bases, keeping line numbers", () => {
    const optimized = readFileSync(OPTIMIZED_DOCKERFILE, "utf8");
    const result = check(optimized);
    if (!result.ok) throw new Error(result.refusals.map((refusal) => refusal.message).join("\n"));
    expect(result.finalBase).toBe("slim");
    expect(result.dockerfile.split("\n")).toHaveLength(optimized.split("\n").length);
    expect(result.dockerfile).toContain("FROM course-stand-in/node20-slim:bbb AS runtime");
    expect(result.dockerfile).toContain("FROM dl:ccc AS distroless");
    expect(result.dockerfile).not.toMatch(/^FROM \$/m);
    expect(result.stages.map((stage) => stage.name)).toEqual(["prod-deps", "build", "tini", "distroless", "runtime"]);

    const naive = check(readFileSync(NAIVE_DOCKERFILE, "utf8"));
    expect(naive.ok && naive.finalBase).toBe("fat");
  });

  it("follows FROM <stage> chains to the final stage's base", () => {
    const result = check('FROM node:20-slim AS base\nFROM base AS app\nCMD ["node"]\n');
    expect(result.ok && result.finalBase).toBe("slim");
    expect(result.ok && result.dockerfile.split("\n")[1]).toBe("FROM base AS app");
  });

  it("joins continuation lines, skips comments inside them and keeps the first line's number", () => {
    const { instructions } = parseInstructions("FROM node:20\nRUN echo a \\\n# a comment\n\n  && echo b\nCMD x\n");
    expect(
      instructions.map((instruction) => [instruction.keyword, instruction.startLine, instruction.endLine]),
    ).toEqual([
      ["FROM", 1, 1],
      ["RUN", 2, 5],
      ["CMD", 6, 6],
    ]);
    expect(instructions[1]!.args).toMatch(/^echo a\s+&& echo b$/);
  });

  it("refuses a Dockerfile over 16 KiB", () => {
    expect(refusals(`FROM node:20\n# ${"x".repeat(16 * 1024)}\n`)).toEqual(["1: the Dockerfile is larger than 16 KiB"]);
  });

  it("refuses an image that is not a course base, naming the allowed ones", () => {
    expect(refusals("FROM alpine:3.20\n")[0]).toMatch(/^1: FROM alpine:3\.20: only the course's bases \(node:20, .*\)/);
    expect(refusals("FROM node:20@sha256:0000\n")[0]).toMatch(/only the course's bases/);
    expect(refusals("FROM evil.example/node:20\n")[0]).toMatch(/only the course's bases/);
  });

  it("refuses a base named through an ARG without a default, or one whose default is not a course base", () => {
    expect(refusals("ARG BASE\nFROM ${BASE}\n")[0]).toMatch(
      /ARG BASE has no default, and the runner passes no build args/,
    );
    expect(refusals("ARG BASE=alpine\nFROM $BASE\n")[0]).toMatch(/FROM alpine: only the course's bases/);
    expect(refusals("FROM ${BASE:-node:20}\n")[0]).toMatch(/only plain \$NAME/);
    expect(refusals("FROM $UNDECLARED\n")[0]).toMatch(/\$UNDECLARED is not declared with ARG/);
  });

  it("refuses FROM --platform and any other FROM flag", () => {
    expect(refusals("FROM --platform=linux/arm64 node:20\n")).toEqual([
      "1: FROM --platform is not accepted: the exercise builds for this machine's platform",
    ]);
  });

  it("refuses a stage name used twice, and FROM <stage> naming a later stage (it would be an image)", () => {
    expect(refusals("FROM node:20 AS a\nFROM node:20 AS a\n")).toEqual(['2: a stage named "a" already exists']);
    expect(refusals("FROM later\nFROM node:20 AS later\n")[0]).toMatch(/^1: FROM later: only the course's bases/);
  });

  it("refuses COPY --from naming an image or a stage that is not earlier", () => {
    expect(refusals("FROM node:20\nCOPY --from=alpine:3 /etc/passwd /x\n")[0]).toMatch(
      /^2: COPY --from=alpine:3: only an earlier stage may be named/,
    );
    expect(refusals("FROM node:20 AS a\nCOPY --from=a /x /y\n")[0]).toMatch(/only an earlier stage/);
    expect(refusals("FROM node:20\nCOPY --from=0 /x /y\n")[0]).toMatch(/only an earlier stage/);
    expect(check("FROM node:20 AS a\nFROM node:20-slim\nCOPY --from=a /x /y\nCOPY --from=0 /x /z\n").ok).toBe(true);
  });

  it("refuses ADD from a URL or git, and unknown COPY/ADD flags", () => {
    expect(refusals("FROM node:20\nADD https://example.com/x.tgz /x\n")[0]).toMatch(/^2: ADD from a URL/);
    expect(refusals("FROM node:20\nADD git@github.com:a/b.git /x\n")[0]).toMatch(/ADD from a URL or a git/);
    expect(refusals("FROM node:20\nADD --checksum=sha256:00 x /x\n")[0]).toMatch(/ADD --checksum is not accepted/);
    expect(check("FROM node:20\nADD --chown=node:node src /app/src\n").ok).toBe(true);
  });

  it("refuses RUN --mount other than the CA secret, and RUN --network / --security", () => {
    expect(refusals("FROM node:20\nRUN --mount=type=bind,source=/,target=/host ls\n")[0]).toMatch(
      /^2: RUN --mount=type=bind.*the only mount is the CA bundle/,
    );
    expect(refusals("FROM node:20\nRUN --mount=type=secret,id=aws ls\n")[0]).toMatch(/the only mount is the CA bundle/);
    expect(refusals("FROM node:20\nRUN --mount=type=ssh ls\n")[0]).toMatch(/the only mount is the CA bundle/);
    expect(refusals("FROM node:20\nRUN --network=host ls\n")[0]).toMatch(/RUN --network is not accepted/);
    expect(refusals("FROM node:20\nRUN --security=insecure ls\n")[0]).toMatch(/RUN --security is not accepted/);
    expect(isCaSecretMount("type=secret,id=ca,target=/run/secrets/ca,required=true")).toBe(true);
    expect(isCaSecretMount("type=secret,id=ca,target=/app/.npmrc")).toBe(false);
  });

  it("refuses parser directives (a # syntax= line would pull a frontend image) and heredocs", () => {
    expect(refusals("# syntax=evil/frontend\nFROM node:20\n")[0]).toMatch(/^1: the "# syntax=" parser directive/);
    expect(refusals("# escape=`\nFROM node:20\n")[0]).toMatch(/"# escape=" parser directive/);
    expect(refusals("FROM node:20\nRUN <<EOF\necho hi\nEOF\n")[0]).toMatch(/^2: heredocs \(<<EOF\) are not accepted/);
  });

  it("refuses ONBUILD, VOLUME, unknown instructions, instructions before FROM, and a Dockerfile with no FROM", () => {
    expect(refusals("FROM node:20\nONBUILD RUN ls\n")[0]).toMatch(/^2: ONBUILD is not accepted/);
    expect(refusals("FROM node:20\nVOLUME /data\n")[0]).toMatch(/^2: VOLUME is not accepted/);
    expect(refusals("FROM node:20\nFETCH x\n")[0]).toMatch(/"FETCH" is not a Dockerfile instruction/);
    expect(refusals("RUN ls\nFROM node:20\n")[0]).toMatch(/^1: RUN before the first FROM/);
    expect(refusals("# only a comment\n")).toEqual([
      "1: the Dockerfile has no FROM: start from one of the course's bases",
    ]);
  });

  it("refuses control characters, and flags on instructions that take none", () => {
    expect(refusals("FROM node:20\nRUN echo \u0000\n")).toEqual(["2: the line holds a control character"]);
    expect(refusals("FROM node:20\nUSER --weird node\n")[0]).toMatch(/USER --weird is not accepted here/);
  });
});
