import { readFileSync } from "node:fs";
import path from "node:path";
import GithubSlugger from "github-slugger";
import { describe, expect, it } from "vitest";
import { analyzeDockerfile, COURSE_RULE, gradeOf, RULE_IDS, RULES, type Analysis, type RuleId } from "./rules";

const repo = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(repo, file), "utf8");
const naive = read("sandboxes/images/naive/Dockerfile");
const optimized = read("sandboxes/images/optimized/Dockerfile");

function results(analysis: Analysis) {
  if (!analysis.ok) throw new Error(`expected a readable Dockerfile, got ${JSON.stringify(analysis.problems)}`);
  return analysis.results;
}

/** The rules that fire on `text`, each with the lines and check ids of its findings. */
function fired(text: string): Partial<Record<RuleId, { line: number; checkId: string }[]>> {
  return Object.fromEntries(
    results(analyzeDockerfile(text))
      .filter((result) => result.findings.length > 0)
      .map((result) => [result.rule, result.findings.map(({ line, checkId }) => ({ line, checkId }))]),
  );
}

const lines = (...text: string[]) => `${text.join("\n")}\n`;

/** A small Dockerfile no rule fires on; each fixture below breaks one thing in it. */
const good = [
  "FROM node:20.20.2-bookworm-slim AS build",
  "WORKDIR /app",
  "COPY package.json package-lock.json ./",
  "RUN npm ci",
  "COPY . .",
  "RUN npm run build",
  "FROM node:20.20.2-bookworm-slim",
  "WORKDIR /app",
  "COPY package.json package-lock.json ./",
  "RUN npm ci --omit=dev && npm cache clean --force",
  "COPY --from=build --chown=node:node /app/dist ./dist",
  "USER node",
  'HEALTHCHECK CMD ["node", "-e", "fetch(\'http://127.0.0.1:3000/healthz\').then(r => process.exit(r.ok ? 0 : 1))"]',
  'ENTRYPOINT ["/usr/bin/tini", "--"]',
  'CMD ["node", "dist/server.js"]',
];
const replace = (line: string, by: string[]) => {
  const index = good.indexOf(line);
  if (index < 0) throw new Error(`no line ${line}`);
  return lines(...good.slice(0, index), ...by, ...good.slice(index + 1));
};

describe("the real Dockerfiles", () => {
  it("every rule for the lesson's seven problems, the pinned tag and the npm cache fires on the naive Dockerfile", () => {
    expect(fired(naive)).toEqual({
      "full-base": [{ line: 5, checkId: COURSE_RULE }],
      "pinned-base": [{ line: 5, checkId: COURSE_RULE }],
      "copy-before-install": [{ line: 8, checkId: COURSE_RULE }],
      "context-in-image": [{ line: 8, checkId: COURSE_RULE }],
      "npm-ci": [{ line: 11, checkId: COURSE_RULE }],
      "production-dependencies": [{ line: 11, checkId: COURSE_RULE }],
      "non-root-user": [{ line: 5, checkId: COURSE_RULE }],
      "node-not-package-manager": [{ line: 15, checkId: COURSE_RULE }],
      healthcheck: [{ line: 5, checkId: "DL3057" }],
      "package-cache": [{ line: 11, checkId: COURSE_RULE }],
    });
    // The naive file already uses the exec form and holds no secret: these two have their own fixtures below.
    expect(RULE_IDS.filter((rule) => !(rule in fired(naive)))).toEqual(["exec-form", "no-secrets-in-arg-env"]);
    expect(gradeOf(analyzeDockerfile(naive))).toEqual({ passed: 2, total: RULE_IDS.length });
  });

  it("no rule fires on the optimized Dockerfile", () => {
    expect(fired(optimized)).toEqual({});
    expect(gradeOf(analyzeDockerfile(optimized))).toEqual({ passed: RULE_IDS.length, total: RULE_IDS.length });
  });

  it("no rule fires on the good fixture the per-rule fixtures start from", () => {
    expect(fired(lines(...good))).toEqual({});
  });

  it("every finding is one sentence and every rule links to a heading that exists in lesson 10.4", () => {
    const lesson = read("content/production-and-scaling/dockerizing-nodejs.mdx");
    const slugger = new GithubSlugger();
    const ids = [...lesson.matchAll(/^#{2,3} (.+)$/gm)].map((match) => slugger.slug(match[1]!));
    for (const rule of RULE_IDS) expect(ids, rule).toContain(RULES[rule].section);
    for (const result of results(analyzeDockerfile(naive)))
      for (const finding of result.findings) expect(finding.message, finding.rule).toMatch(/^[^.]+(\.[^\s.][^.]*)*\.$/);
  });
});

describe("each rule on its own fixtures", () => {
  it("full-base: a full node image in the shipped stage, not in a build stage", () => {
    expect(fired(replace("FROM node:20.20.2-bookworm-slim", ["FROM node:20.20.2-bookworm"]))).toEqual({
      "full-base": [{ line: 7, checkId: COURSE_RULE }],
    });
    expect(fired(replace("FROM node:20.20.2-bookworm-slim AS build", ["FROM node:20.20.2 AS build"]))).toEqual({});
    expect(fired(replace("FROM node:20.20.2-bookworm-slim", ["FROM course-stand-in/node20-full"]))).toEqual({
      "full-base": [{ line: 7, checkId: COURSE_RULE }],
    });
    // A final stage built FROM an earlier stage is judged by that stage's base.
    expect(fired(lines("FROM node:20.20.2 AS base", "FROM base", ...good.slice(7)))).toMatchObject({
      "full-base": [{ line: 2 }],
    });
  });

  it("pinned-base: no tag (DL3006), latest (DL3007), a floating major (ours); exact versions, digests and stages pass", () => {
    expect(fired(replace("FROM node:20.20.2-bookworm-slim AS build", ["FROM node AS build"]))).toEqual({
      "pinned-base": [{ line: 1, checkId: "DL3006" }],
    });
    expect(fired(replace("FROM node:20.20.2-bookworm-slim AS build", ["FROM node:latest AS build"]))).toEqual({
      "pinned-base": [{ line: 1, checkId: "DL3007" }],
    });
    expect(fired(replace("FROM node:20.20.2-bookworm-slim AS build", ["FROM node:20-slim AS build"]))).toEqual({
      "pinned-base": [{ line: 1, checkId: COURSE_RULE }],
    });
    expect(
      fired(
        replace("FROM node:20.20.2-bookworm-slim AS build", [
          "FROM node:20-slim@sha256:" + "a".repeat(64) + " AS build",
        ]),
      ),
    ).toEqual({});
    // ARG defaults are substituted as Docker does, and a registry's port is not a tag.
    expect(
      fired(replace("FROM node:20.20.2-bookworm-slim AS build", ["ARG BASE=node:22", "FROM ${BASE} AS build"])),
    ).toEqual({
      "pinned-base": [{ line: 2, checkId: COURSE_RULE }],
    });
    expect(
      fired(replace("FROM node:20.20.2-bookworm-slim AS build", ["FROM registry.local:5000/node AS build"])),
    ).toEqual({ "pinned-base": [{ line: 1, checkId: "DL3006" }] });
  });

  it("copy-before-install: the source copied before the install, in any stage", () => {
    const moved = lines(...good.slice(0, 2), "COPY . .", "RUN npm ci", "RUN npm run build", ...good.slice(6));
    expect(fired(moved)).toEqual({ "copy-before-install": [{ line: 3, checkId: COURSE_RULE }] });
    // A yarn script after the copy is not an install; a bare `yarn` is.
    expect(fired(replace("RUN npm run build", ["RUN yarn build"]))).toEqual({});
    const yarnFirst = lines(...good.slice(0, 2), "COPY . .", "RUN yarn --frozen-lockfile", ...good.slice(5));
    expect(fired(yarnFirst)).toMatchObject({ "copy-before-install": [{ line: 3 }] });
  });

  it("context-in-image: the whole context copied into the shipped stage", () => {
    expect(
      fired(replace("COPY --from=build --chown=node:node /app/dist ./dist", ["COPY --chown=node:node . ."])),
    ).toEqual({
      "context-in-image": [{ line: 11, checkId: COURSE_RULE }],
    });
    expect(fired(replace("COPY --from=build --chown=node:node /app/dist ./dist", ["ADD . /app"]))).toMatchObject({
      "context-in-image": [{ line: 11 }],
    });
  });

  it("npm-ci: npm install or npm i of the project, not of a named tool", () => {
    expect(fired(replace("RUN npm ci", ["RUN npm install --no-audit"]))).toEqual({
      "npm-ci": [{ line: 4, checkId: COURSE_RULE }],
    });
    expect(fired(replace("RUN npm ci", ["RUN npm i"]))).toMatchObject({ "npm-ci": [{ line: 4 }] });
    expect(fired(replace("RUN npm ci", ["RUN npm install -g pnpm@9.0.0 && npm ci"]))).toEqual({});
  });

  it("production-dependencies: an install with devDependencies in the shipped stage only", () => {
    expect(
      fired(replace("RUN npm ci --omit=dev && npm cache clean --force", ["RUN npm ci && npm cache clean --force"])),
    ).toEqual({ "production-dependencies": [{ line: 10, checkId: COURSE_RULE }] });
    // NODE_ENV=production set before the install leaves devDependencies out too.
    expect(
      fired(
        replace("RUN npm ci --omit=dev && npm cache clean --force", [
          "ENV NODE_ENV=production",
          "RUN npm ci && npm cache clean --force",
        ]),
      ),
    ).toEqual({});
    expect(
      fired(
        replace("RUN npm ci --omit=dev && npm cache clean --force", [
          "RUN npm ci --production && npm cache clean --force",
        ]),
      ),
    ).toEqual({});
  });

  it("non-root-user: no USER (ours) or USER root (DL3002) in the shipped stage", () => {
    expect(fired(replace("USER node", []))).toEqual({ "non-root-user": [{ line: 7, checkId: COURSE_RULE }] });
    expect(fired(replace("USER node", ["USER node", "USER root"]))).toEqual({
      "non-root-user": [{ line: 13, checkId: "DL3002" }],
    });
    expect(fired(replace("USER node", ["USER 0:0"]))).toMatchObject({ "non-root-user": [{ checkId: "DL3002" }] });
    expect(fired(replace("USER node", ["USER 1000:1000"]))).toEqual({});
    // USER and HEALTHCHECK carry over from the stage the shipped one is built FROM.
    const base = good
      .slice(6)
      .map((line) => line.replace("FROM node:20.20.2-bookworm-slim", "FROM node:20.20.2-bookworm-slim AS app"));
    expect(fired(lines(...good.slice(0, 6), ...base, "FROM app", "LABEL stage=final"))).toEqual({});
    expect(fired(lines(...good.slice(0, 6), ...base, "FROM app", "USER root"))).toMatchObject({
      "non-root-user": [{ line: 17, checkId: "DL3002" }],
    });
  });

  it("node-not-package-manager: npm, yarn or pnpm starts the container, in either form", () => {
    expect(fired(replace('CMD ["node", "dist/server.js"]', ['CMD ["npm", "start"]']))).toEqual({
      "node-not-package-manager": [{ line: 15, checkId: COURSE_RULE }],
    });
    const shell = fired(replace('ENTRYPOINT ["/usr/bin/tini", "--"]', ["ENTRYPOINT yarn start"]));
    expect(shell["node-not-package-manager"]).toEqual([{ line: 14, checkId: COURSE_RULE }]);
    // Behind tini, CMD is what tini starts: node passes, npm does not.
    expect(fired(lines(...good))["node-not-package-manager"]).toBeUndefined();
    expect(fired(replace('CMD ["node", "dist/server.js"]', ['CMD ["/usr/local/bin/npm", "start"]']))).toEqual({
      "node-not-package-manager": [{ line: 15, checkId: COURSE_RULE }],
    });
  });

  it("healthcheck: missing, or switched off with NONE", () => {
    const withoutCheck = good.find((line) => line.startsWith("HEALTHCHECK"))!;
    expect(fired(replace(withoutCheck, []))).toEqual({ healthcheck: [{ line: 7, checkId: "DL3057" }] });
    expect(fired(replace(withoutCheck, ["HEALTHCHECK NONE"]))).toEqual({
      healthcheck: [{ line: 13, checkId: "DL3057" }],
    });
  });

  it("exec-form: a shell-form CMD or ENTRYPOINT in any stage", () => {
    expect(fired(replace('CMD ["node", "dist/server.js"]', ["CMD node dist/server.js"]))).toEqual({
      "exec-form": [{ line: 15, checkId: "DL3025, BuildKit JSONArgsRecommended" }],
    });
  });

  it("package-cache: npm's cache (ours), apt lists (DL3009) and yarn's cache (DL3060) left in the shipped stage", () => {
    const install = "RUN npm ci --omit=dev && npm cache clean --force";
    expect(fired(replace(install, ["RUN npm ci --omit=dev"]))).toEqual({
      "package-cache": [{ line: 10, checkId: COURSE_RULE }],
    });
    expect(fired(replace(install, ["RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev"]))).toEqual({});
    expect(fired(replace(install, [install, "RUN apt-get update && apt-get install -y tini"]))).toEqual({
      "package-cache": [{ line: 11, checkId: "DL3009" }],
    });
    expect(
      fired(
        replace(install, [install, "RUN apt-get update && apt-get install -y tini && rm -rf /var/lib/apt/lists/*"]),
      ),
    ).toEqual({});
    expect(fired(replace(install, ["RUN yarn install --production"]))).toEqual({
      "package-cache": [{ line: 10, checkId: "DL3060" }],
    });
    // A build stage's cache is not shipped.
    expect(fired(lines(...good))["package-cache"]).toBeUndefined();
  });

  it("no-secrets-in-arg-env: a secret-looking name in ARG or ENV", () => {
    expect(fired(replace("WORKDIR /app", ["ARG NPM_TOKEN", "WORKDIR /app"]))).toEqual({
      "no-secrets-in-arg-env": [{ line: 2, checkId: "BuildKit SecretsUsedInArgOrEnv" }],
    });
    expect(fired(replace("USER node", ["ENV NODE_ENV=production DB_PASSWORD=hunter2", "USER node"]))).toEqual({
      "no-secrets-in-arg-env": [{ line: 12, checkId: "BuildKit SecretsUsedInArgOrEnv" }],
    });
  });
});

describe("text that is not a Dockerfile", () => {
  const problems = (text: string) => {
    const analysis = analyzeDockerfile(text);
    if (analysis.ok) throw new Error("expected problems");
    expect(gradeOf(analysis)).toEqual({ passed: 0, total: RULE_IDS.length });
    return analysis.problems;
  };

  it("names the line of a misspelt instruction and suggests the right one", () => {
    expect(problems(lines("FORM node:20", 'CMD ["node"]'))).toEqual([
      { line: 1, message: '"FORM" is not a Dockerfile instruction (did you mean FROM?).' },
      { line: 2, message: "CMD comes before the first FROM; only ARG may." },
    ]);
  });

  it("names an unclosed exec-form array and an instruction without arguments", () => {
    expect(problems(lines(...good.slice(0, 14), 'CMD ["node", "dist/server.js"', "RUN"))).toEqual([
      { line: 15, message: expect.stringMatching(/^CMD opens a JSON array that is never closed/) },
      { line: 16, message: "RUN needs arguments, and this line has none." },
    ]);
  });

  it("says there is no FROM for empty text or comments only, and never throws on any input", () => {
    expect(problems("")).toEqual([{ line: 1, message: expect.stringMatching(/There is no FROM line/) }]);
    expect(problems("# just a comment\n")).toHaveLength(1);
    for (const text of ["\\", "FROM \\\n", "\u0000\u0001", "FROM node AS", "[[[", "RUN <<EOF\n", "ARG"]) {
      expect(() => analyzeDockerfile(text)).not.toThrow();
    }
  });
});
