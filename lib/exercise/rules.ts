import type { Grade } from "./grade";
import {
  earlierStage,
  finalStage,
  parseDockerfile,
  type BuildStage,
  type DockerInstruction,
  type ParseProblem,
  type ParsedDockerfile,
} from "./dockerfile";

/**
 * The exercise's static checks: the lesson's seven problems with the naive Dockerfile, plus a pinned
 * base tag, exec-form CMD/ENTRYPOINT, package-manager caches left in a layer and secrets in ARG/ENV.
 * Each cites the hadolint or BuildKit check that covers the same mistake, or says it is the course's
 * own rule where no linter has one.
 */

/** A heading id in lesson 10.4 (a test checks each one exists in the lesson). */
export type LessonSection =
  "the-naive-dockerfile" | "stage-by-stage" | "dockerignore" | "signals-and-pid-1" | "image-size" | "build-cache";

export const COURSE_RULE = "course rule";

export interface Finding {
  rule: RuleId;
  line: number;
  /** One sentence: what is wrong here and why it matters. */
  message: string;
  /** The hadolint or BuildKit check id for this case, or COURSE_RULE. */
  checkId: string;
}

interface Rule {
  title: string;
  section: LessonSection;
  find(dockerfile: ParsedDockerfile): Omit<Finding, "rule">[];
}

/** A dependency install: npm ci/install/i, pnpm install/i, yarn install, or a bare `yarn` (which installs). */
const INSTALL = /\b(?:npm\s+(?:ci|install|i)|pnpm\s+(?:install|i)|yarn\s+install)(?=\s|$|;|&)|\byarn(?=\s*(?:$|;|&|-))/;
const YARN_INSTALL = /\byarn\s+install\b|\byarn(?=\s*(?:$|;|&|-))/;
const PACKAGE_MANAGERS = new Set(["npm", "yarn", "pnpm", "npx"]);

/** The command a RUN executes, as one line of shell. */
const command = (run: DockerInstruction) => (run.exec ?? run.args).join(" ");
const runs = (stage: BuildStage) => stage.instructions.filter((instruction) => instruction.keyword === "RUN");
const installs = (run: DockerInstruction) => INSTALL.test(command(run));

/** `npm install`/`npm i` with no package named: an install of the project's dependencies, not of one tool. */
function isProjectNpmInstall(run: DockerInstruction): boolean {
  for (const segment of command(run).split(/&&|\|\||;/)) {
    const words = segment.trim().split(/\s+/);
    const at = words.findIndex((word, index) => word === "npm" && ["install", "i"].includes(words[index + 1] ?? ""));
    if (at >= 0 && words.slice(at + 2).every((word) => word.startsWith("-"))) return true;
  }
  return false;
}

/**
 * The last `keyword` instruction that applies to a stage: its own, else the one it inherits from the
 * earlier stage it is built FROM (USER, HEALTHCHECK, CMD and ENTRYPOINT carry over that way).
 */
function inherited(dockerfile: ParsedDockerfile, stage: BuildStage, keyword: string): DockerInstruction | undefined {
  const own = stage.instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
  if (own) return own;
  const earlier = earlierStage(dockerfile, stage.base, stage);
  return earlier ? inherited(dockerfile, earlier, keyword) : undefined;
}

/** A stage's base image, following `FROM <earlier stage>` back to an image. */
function baseImage(dockerfile: ParsedDockerfile, stage: BuildStage): string {
  const earlier = earlierStage(dockerfile, stage.base, stage);
  return earlier ? baseImage(dockerfile, earlier) : stage.base;
}

/** An image reference split as Docker reads it (a registry's port is not a tag). */
function imageReference(reference: string): { name: string; tag: string | null; digest: string | null } {
  const [withoutDigest, digest] = reference.split("@", 2) as [string, string | undefined];
  const slash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.lastIndexOf(":");
  const hasTag = colon > slash;
  return {
    name: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    tag: hasTag ? withoutDigest.slice(colon + 1) : null,
    digest: digest ?? null,
  };
}

/** Copies the whole build context (`COPY . .`, `ADD . /app`), as opposed to named files or another stage's output. */
function copiesContext(instruction: DockerInstruction): boolean {
  if (!["COPY", "ADD"].includes(instruction.keyword) || "from" in instruction.flags) return false;
  const sources = (instruction.exec ?? instruction.args).slice(0, -1);
  return sources.some((source) => [".", "./", "*", "./*"].includes(source));
}

const INITS = /(?:^|\/)(?:tini|tini-static|dumb-init|docker-init)$/;

/**
 * The program a stage's container ends up running: ENTRYPOINT then CMD (the last of each, as Docker
 * combines them), past an init such as tini and its `--`, and past a shell form's variable assignments.
 */
function startedProgram(dockerfile: ParsedDockerfile, stage: BuildStage): { line: number; words: string[] } | null {
  const words = [inherited(dockerfile, stage, "ENTRYPOINT"), inherited(dockerfile, stage, "CMD")].flatMap(
    (instruction) =>
      instruction
        ? (instruction.exec ?? instruction.args)
            .flatMap((word) => word.split(/\s+/))
            .filter(Boolean)
            .map((word) => ({ word, line: instruction.line }))
        : [],
  );
  let start = 0;
  while (start < words.length && (INITS.test(words[start]!.word) || words[start]!.word.startsWith("-"))) start++;
  while (start < words.length && /^[A-Z_][A-Z0-9_]*=/i.test(words[start]!.word)) start++;
  const rest = words.slice(start);
  return rest.length > 0 ? { line: rest[0]!.line, words: rest.map((entry) => entry.word) } : null;
}

const SECRET_NAME = /(?:secret|passw(?:or)?d|token|api[_-]?key|private[_-]?key|credential|auth)/i;

export const RULES = {
  "full-base": {
    title: "A slim base for the image you ship",
    section: "image-size",
    find(dockerfile) {
      const stage = finalStage(dockerfile);
      const { name, tag } = imageReference(baseImage(dockerfile, stage));
      const repository = name.split("/").at(-1) ?? name;
      const full = (repository === "node" && !/slim|alpine/.test(tag ?? "")) || /^node\d*-full$/.test(repository);
      if (!full) return [];
      return [
        {
          line: stage.from.line,
          message: `The image you ship starts from ${tag ? `${name}:${tag}` : name}, a full Debian with compilers, headers, git and Python the server never uses at runtime; build there if you must, but ship on a -slim base.`,
          checkId: COURSE_RULE,
        },
      ];
    },
  },
  "pinned-base": {
    title: "Base images pinned to an exact version",
    section: "stage-by-stage",
    find(dockerfile) {
      return dockerfile.stages.flatMap((stage) => {
        if (stage.base === "scratch" || earlierStage(dockerfile, stage.base, stage)) return [];
        const { name, tag, digest } = imageReference(stage.base);
        // Distroless publishes no version tags (its name carries the Node major and Debian release) and the
        // course's stand-in bases are built locally by the recorder, which records their versions.
        if (digest || name.includes("distroless") || name.startsWith("course-stand-in/")) return [];
        if (tag === null)
          return [
            {
              line: stage.from.line,
              message: `${name} has no tag, so it means :latest and the Node.js version can change under you on any build.`,
              checkId: "DL3006",
            },
          ];
        if (tag === "latest")
          return [
            {
              line: stage.from.line,
              message: `${name}:latest moves to a new Node.js version whenever one is released; pin an exact version.`,
              checkId: "DL3007",
            },
          ];
        if (/\d+\.\d+\.\d+/.test(tag)) return [];
        return [
          {
            line: stage.from.line,
            message: `${name}:${tag} is a floating tag that moves with every new release; pin an exact version such as 20.20.2-bookworm-slim.`,
            checkId: COURSE_RULE,
          },
        ];
      });
    },
  },
  "copy-before-install": {
    title: "Dependencies installed before the source is copied",
    section: "build-cache",
    find(dockerfile) {
      return dockerfile.stages.flatMap((stage) => {
        const install = stage.instructions.findIndex(
          (instruction) => instruction.keyword === "RUN" && installs(instruction),
        );
        const copy = stage.instructions.findIndex(copiesContext);
        if (install < 0 || copy < 0 || copy > install) return [];
        return [
          {
            line: stage.instructions[copy]!.line,
            message: `The whole source is copied before the install on line ${stage.instructions[install]!.line}, so any edit, even to a README, reinstalls every dependency; copy package.json and the lockfile, install, then copy the rest.`,
            checkId: COURSE_RULE,
          },
        ];
      });
    },
  },
  "context-in-image": {
    title: "Only the build's output in the shipped image",
    section: "dockerignore",
    find(dockerfile) {
      return finalStage(dockerfile)
        .instructions.filter(copiesContext)
        .map((copy) => ({
          line: copy.line,
          message:
            "The image you ship receives the whole build context (the .env with secrets, tests, and .git or host node_modules in a real checkout) unless a .dockerignore excludes them; copy the build's output from an earlier stage instead.",
          checkId: COURSE_RULE,
        }));
    },
  },
  "npm-ci": {
    title: "npm ci, not npm install",
    section: "stage-by-stage",
    find(dockerfile) {
      return dockerfile.stages.flatMap(runs).flatMap((run) =>
        isProjectNpmInstall(run)
          ? [
              {
                line: run.line,
                message:
                  "npm install may rewrite the lockfile instead of honouring it; npm ci installs exactly what package-lock.json says and fails if it disagrees with package.json.",
                checkId: COURSE_RULE,
              },
            ]
          : [],
      );
    },
  },
  "production-dependencies": {
    title: "No devDependencies in the shipped image",
    section: "stage-by-stage",
    find(dockerfile) {
      const stage = finalStage(dockerfile);
      // npm and yarn leave devDependencies out by themselves once NODE_ENV=production is set.
      const productionFrom = stage.instructions.find(
        (instruction) =>
          instruction.keyword === "ENV" &&
          instruction.args.some((argument) => /^NODE_ENV=["']?production/.test(argument)),
      );
      return runs(stage)
        .filter(
          (run) =>
            installs(run) &&
            !(productionFrom && productionFrom.line < run.line) &&
            !/--omit[= ]dev|--production|--only[= ]prod|--prod\b|NODE_ENV=production/.test(command(run)),
        )
        .map((run) => ({
          line: run.line,
          message:
            "This install in the image you ship includes devDependencies (TypeScript, the test runner, the linter and their trees); install with --omit=dev here, or build in an earlier stage.",
          checkId: COURSE_RULE,
        }));
    },
  },
  "non-root-user": {
    title: "The process does not run as root",
    section: "stage-by-stage",
    find(dockerfile) {
      const stage = finalStage(dockerfile);
      const user = inherited(dockerfile, stage, "USER");
      if (!user)
        return [
          {
            line: stage.from.line,
            message:
              "The image you ship never sets USER, so the server runs as root (uid 0); add USER node after copying files with --chown=node:node.",
            checkId: COURSE_RULE,
          },
        ];
      const name = user.args[0]?.split(":")[0] ?? "";
      if (name !== "root" && name !== "0") return [];
      return [
        {
          line: user.line,
          message: "The last USER is root, so the server runs as uid 0; switch to an unprivileged user such as node.",
          checkId: "DL3002",
        },
      ];
    },
  },
  "node-not-package-manager": {
    title: "No package manager as PID 1",
    section: "signals-and-pid-1",
    find(dockerfile) {
      const start = startedProgram(dockerfile, finalStage(dockerfile));
      if (!start || !PACKAGE_MANAGERS.has(start.words[0]!.split("/").at(-1)!)) return [];
      return [
        {
          line: start.line,
          message: `The container starts ${start.words.slice(0, 2).join(" ")}, so a package manager sits between docker stop and your server (even behind tini) and decides what happens to SIGTERM; start node directly (behind tini).`,
          checkId: COURSE_RULE,
        },
      ];
    },
  },
  healthcheck: {
    title: "A HEALTHCHECK",
    section: "stage-by-stage",
    find(dockerfile) {
      const stage = finalStage(dockerfile);
      const check = inherited(dockerfile, stage, "HEALTHCHECK");
      if (check && check.args[0]?.toUpperCase() !== "NONE") return [];
      return [
        {
          line: check?.line ?? stage.from.line,
          message:
            "Without a HEALTHCHECK the engine can only tell that the process is alive, never that it is serving; probe an endpoint such as /healthz.",
          checkId: "DL3057",
        },
      ];
    },
  },
  "exec-form": {
    title: "Exec-form CMD and ENTRYPOINT",
    section: "signals-and-pid-1",
    find(dockerfile) {
      return dockerfile.stages
        .flatMap((stage) => stage.instructions)
        .filter((instruction) => ["CMD", "ENTRYPOINT"].includes(instruction.keyword) && instruction.exec === null)
        .map((instruction) => ({
          line: instruction.line,
          message: `This ${instruction.keyword} is in shell form, so it runs under /bin/sh -c, which does not pass SIGTERM on to your server; write it as a JSON array.`,
          checkId: "DL3025, BuildKit JSONArgsRecommended",
        }));
    },
  },
  "package-cache": {
    title: "No package-manager cache left in a layer",
    section: "stage-by-stage",
    find(dockerfile) {
      return runs(finalStage(dockerfile)).flatMap((run) => {
        const text = command(run);
        const cacheMount = (run.flags.mount ?? "").includes("type=cache");
        if (/\bapt-get\s+(?:-\S+\s+)*install\b/.test(text) && !/rm\s+-rf?\s+\/var\/lib\/apt\/lists/.test(text))
          return [
            {
              line: run.line,
              message: "apt-get's package lists stay in this layer; end the same RUN with rm -rf /var/lib/apt/lists/*.",
              checkId: "DL3009",
            },
          ];
        if (YARN_INSTALL.test(text) && !/yarn\s+cache\s+clean/.test(text) && !cacheMount)
          return [
            {
              line: run.line,
              message: "Yarn's download cache stays in this layer; end the same RUN with yarn cache clean.",
              checkId: "DL3060",
            },
          ];
        if (/\bnpm\s+(?:ci|install|i)\b/.test(text) && !/npm\s+cache\s+clean/.test(text) && !cacheMount)
          return [
            {
              line: run.line,
              message:
                "npm's download cache (~/.npm) stays in this layer of the image you ship; end the same RUN with npm cache clean --force.",
              checkId: COURSE_RULE,
            },
          ];
        return [];
      });
    },
  },
  "no-secrets-in-arg-env": {
    title: "No secrets in ARG or ENV",
    section: "dockerignore",
    find(dockerfile) {
      return dockerfile.stages
        .flatMap((stage) => stage.instructions)
        .filter((instruction) => ["ARG", "ENV"].includes(instruction.keyword))
        .flatMap((instruction) =>
          instruction.args
            .map((argument) => argument.split("=")[0] ?? "")
            .filter((name) => SECRET_NAME.test(name))
            .map((name) => ({
              line: instruction.line,
              message: `${name} looks like a secret, and ${instruction.keyword} values stay readable in the image's history; pass it with a BuildKit secret mount (RUN --mount=type=secret) instead.`,
              checkId: "BuildKit SecretsUsedInArgOrEnv",
            })),
        );
    },
  },
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export interface RuleResult {
  rule: RuleId;
  title: string;
  section: LessonSection;
  findings: Finding[];
}

export type Analysis = { ok: true; results: RuleResult[] } | { ok: false; problems: ParseProblem[] };

/** Every rule's verdict on a Dockerfile's text, or the lines that keep it from being read as one. */
export function analyzeDockerfile(text: string): Analysis {
  const parsed = parseDockerfile(text);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    results: RULE_IDS.map((rule) => {
      const { title, section, find } = RULES[rule] as Rule;
      const findings = find(parsed.dockerfile)
        .map((finding) => ({ ...finding, rule }))
        .sort((a, b) => a.line - b.line);
      return { rule, title, section, findings };
    }),
  };
}

/** Rules with no finding out of all rules; text that cannot be read passes none. */
export function gradeOf(analysis: Analysis): Grade {
  if (!analysis.ok) return { passed: 0, total: RULE_IDS.length };
  return { passed: analysis.results.filter((result) => result.findings.length === 0).length, total: RULE_IDS.length };
}
