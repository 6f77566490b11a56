import type { BaseRole } from "../recorder/bases";
import { MAX_DOCKERFILE_BYTES } from "@/lib/lab/protocol";

/**
 * What the lab runner lets a learner's Dockerfile do, decided before anything reaches the engine.
 * The runner builds a page's text on the learner's own machine, so the text must not be able to
 * pull an arbitrary image or frontend, reach into the host, or escape the build sandbox:
 *
 * - `FROM` names a course base (stand-in or official name, mapped to the bases this runner uses)
 *   or an earlier stage; no flags (`--platform`), no digests, no other image. Global `ARG`s may
 *   name the base (as the lesson's Dockerfiles do) only through their defaults: no build args reach
 *   the engine, so an ARG without a default cannot name one.
 * - `COPY --from` names an earlier stage only (never an image); `ADD` copies from the fixed build
 *   context only (no URLs, no git). Flags other than --chown, --chmod and --link are refused.
 * - `RUN --mount` may only mount the CA bundle secret (`type=secret,id=ca`), the one the runner
 *   provides; `--network` and `--security` are refused.
 * - No parser directives (`# syntax=` would make BuildKit pull a frontend image of the text's
 *   choosing; `# escape=` would change how this parser reads the text), no heredocs, no ONBUILD,
 *   no VOLUME (an anonymous volume would outlive the container the stop experiment removes).
 *
 * The parser follows Dockerfile syntax: comment and blank lines, `\` line continuations,
 * case-insensitive keywords and stage names, flags before the arguments. It refuses what it does
 * not understand rather than guessing, and names the line of every refusal.
 */

export interface Refusal {
  line: number;
  message: string;
}

export interface Instruction {
  keyword: string;
  /** The flags (`--name=value`) and arguments as written, continuations joined. */
  flags: { name: string; value: string | undefined }[];
  args: string;
  /** First and last physical line (1-based). */
  startLine: number;
  endLine: number;
}

export type Stage = { name: string | null; base: { role: BaseRole } | { stage: number } };

export type PolicyResult =
  | {
      ok: true;
      /** The text the engine builds: each FROM rewritten to the base's real reference, line numbers kept. */
      dockerfile: string;
      stages: Stage[];
      /** The base the final stage stands on (following `FROM <stage>` chains). */
      finalBase: BaseRole;
    }
  | { ok: false; refusals: Refusal[] };

/** The names a learner may write in FROM, and the course base each stands for. */
export const BASE_NAMES: Record<string, BaseRole> = {
  "node:20": "fat",
  "node:20-bookworm": "fat",
  "node:20.20.2": "fat",
  "node:20.20.2-bookworm": "fat",
  "node:20-slim": "slim",
  "node:20-bookworm-slim": "slim",
  "node:20.20.2-slim": "slim",
  "node:20.20.2-bookworm-slim": "slim",
  "gcr.io/distroless/nodejs20-debian12": "distroless",
  "course-stand-in/node20-full": "fat",
  "course-stand-in/node20-slim": "slim",
  "course-stand-in/node20-distroless": "distroless",
};

const KEYWORDS = new Set([
  "FROM",
  "RUN",
  "CMD",
  "LABEL",
  "MAINTAINER",
  "EXPOSE",
  "ENV",
  "ADD",
  "COPY",
  "ENTRYPOINT",
  "USER",
  "WORKDIR",
  "ARG",
  "STOPSIGNAL",
  "HEALTHCHECK",
  "SHELL",
]);
const COPY_FLAGS = new Set(["chown", "chmod", "link"]);
const HEREDOC = /<<-?\s*["']?[A-Za-z_][A-Za-z0-9_]*["']?/;

/** Splits the text into instructions the way Docker's parser does, or names the lines it refuses. */
export function parseInstructions(text: string): { instructions: Instruction[]; refusals: Refusal[] } {
  const lines = text.split(/\r?\n/);
  const instructions: Instruction[] = [];
  const refusals: Refusal[] = [];
  let inDirectives = true;
  let pending: { text: string; startLine: number } | null = null;
  let lastLine = 0;
  const flush = () => {
    if (pending === null) return;
    const instruction = splitInstruction(pending.text, pending.startLine, lastLine);
    if (instruction) instructions.push(instruction);
    pending = null;
  };

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const directive = /^#\s*([A-Za-z]+)\s*=/.exec(raw);
    if (inDirectives && directive && ["syntax", "escape"].includes(directive[1]!.toLowerCase())) {
      refusals.push({
        line: lineNumber,
        message: `the "# ${directive[1]!.toLowerCase()}=" parser directive is not accepted: the runner builds with the engine's own Dockerfile frontend`,
      });
      return;
    }
    if (!/^\s*#/.test(raw) && raw.trim() !== "") inDirectives = false;
    // Comment and blank lines vanish, even inside a continued instruction (as Docker's parser does).
    if (/^\s*#/.test(raw) || raw.trim() === "") return;
    const continued = /\\\s*$/.test(raw);
    const body = continued ? raw.replace(/\\\s*$/, "") : raw;
    pending = pending ? { ...pending, text: `${pending.text} ${body.trim()}` } : { text: body, startLine: lineNumber };
    lastLine = lineNumber;
    if (continued) return;
    flush();
  });
  flush();
  return { instructions, refusals };
}

function splitInstruction(text: string, startLine: number, endLine: number): Instruction | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const word = trimmed.split(/\s+/)[0] ?? "";
  let remainder = trimmed.slice(word.length).trim();
  const flags: Instruction["flags"] = [];
  for (;;) {
    const flag = /^--([A-Za-z][A-Za-z0-9-]*)(?:=(\S*))?(?:\s+|$)/.exec(remainder);
    if (!flag) break;
    flags.push({ name: flag[1]!.toLowerCase(), value: flag[2] });
    remainder = remainder.slice(flag[0].length);
  }
  return { keyword: word.toUpperCase(), flags, args: remainder.trim(), startLine, endLine };
}

/** `ARG A=1 B` → [["A", "1"], ["B", undefined]]; quotes around a default are Docker's and are removed. */
function argDeclarations(args: string): [string, string | undefined][] {
  return args
    .split(/\s+/)
    .filter(Boolean)
    .map((declaration) => {
      const [name = "", ...value] = declaration.split("=");
      return [name, value.length ? value.join("=").replace(/^(["'])(.*)\1$/, "$2") : undefined];
    });
}

function substitute(
  text: string,
  args: Map<string, string | undefined>,
): { ok: true; value: string } | { ok: false; message: string } {
  let problem: string | null = null;
  const value = text.replace(
    /\$(?:\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_match, braced?: string, plain?: string) => {
      const name = braced ?? plain ?? "";
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        problem = `"\${${name}}": only plain $NAME or \${NAME} may name a base (no :- or :+ forms)`;
        return "";
      }
      if (!args.has(name)) {
        problem = `$${name} is not declared with ARG before the first FROM`;
        return "";
      }
      const declared = args.get(name);
      if (declared === undefined) {
        problem = `ARG ${name} has no default, and the runner passes no build args: give it a default (ARG ${name}=node:20-slim)`;
        return "";
      }
      return declared;
    },
  );
  if (problem) return { ok: false, message: problem };
  if (value.includes("$")) return { ok: false, message: `"${text}" cannot be read as an image name` };
  return { ok: true, value };
}

function baseRole(image: string): BaseRole | undefined {
  const lower = image.toLowerCase();
  if (lower in BASE_NAMES) return BASE_NAMES[lower];
  // A stand-in's tag is its recipe's hash, which differs between machines; any tag names it.
  const standIn = /^(course-stand-in\/node20-(?:full|slim|distroless)):[a-z0-9._-]+$/.exec(lower);
  return standIn ? BASE_NAMES[standIn[1]!] : undefined;
}

const allowedBasesText = () => Object.keys(BASE_NAMES).join(", ");

function checkFlags(instruction: Instruction, allowed: Set<string>, refusals: Refusal[]): void {
  for (const flag of instruction.flags) {
    if (!allowed.has(flag.name))
      refusals.push({
        line: instruction.startLine,
        message: `${instruction.keyword} --${flag.name} is not accepted here (allowed: ${[...allowed].map((name) => `--${name}`).join(", ") || "no flags"})`,
      });
  }
}

/** Whether `--mount=<spec>` mounts exactly the CA bundle secret the runner provides. */
export function isCaSecretMount(spec: string | undefined): boolean {
  if (!spec) return false;
  const fields = new Map(
    spec.split(",").map((field) => {
      const [key = "", ...value] = field.split("=");
      return [key.toLowerCase(), value.join("=")] as const;
    }),
  );
  const knownKeys = [...fields.keys()].every((key) => ["type", "id", "target", "required"].includes(key));
  const target = fields.get("target");
  return (
    knownKeys &&
    fields.get("type") === "secret" &&
    fields.get("id") === "ca" &&
    (target === undefined || target === "/run/secrets/ca")
  );
}

/**
 * Checks a Dockerfile against the runner's policy and, when it passes, returns the text to build
 * with each FROM pointing at `baseRefs` (the bases the runner has). Every refusal names its line.
 */
export function applyDockerfilePolicy(text: string, baseRefs: Record<BaseRole, string>): PolicyResult {
  if (new TextEncoder().encode(text).length > MAX_DOCKERFILE_BYTES)
    return {
      ok: false,
      refusals: [{ line: 1, message: `the Dockerfile is larger than ${MAX_DOCKERFILE_BYTES / 1024} KiB` }],
    };
  const controlLine = text.split(/\r?\n/).findIndex((line) => /[\u0000-\u0008\u000b-\u001f\u007f]/.test(line));
  if (controlLine >= 0)
    return { ok: false, refusals: [{ line: controlLine + 1, message: "the line holds a control character" }] };

  const { instructions, refusals } = parseInstructions(text);
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  const stageNames = new Map<string, number>();
  const rewrites: { instruction: Instruction; line: string }[] = [];
  let sawFrom = false;

  for (const instruction of instructions) {
    const { keyword, startLine: line } = instruction;
    if (!KEYWORDS.has(keyword)) {
      refusals.push({
        line,
        message:
          keyword === "ONBUILD"
            ? "ONBUILD is not accepted: it runs in images built FROM this one, which the exercise has none of"
            : keyword === "VOLUME"
              ? "VOLUME is not accepted: the demo service keeps no data, and the runner leaves no volumes behind"
              : `"${keyword}" is not a Dockerfile instruction`,
      });
      continue;
    }
    if (keyword === "FROM") sawFrom = true;
    else if (keyword !== "ARG" && !sawFrom) {
      refusals.push({ line, message: `${keyword} before the first FROM: only ARG may come before it` });
      continue;
    }
    if ((keyword === "RUN" || keyword === "COPY" || keyword === "ADD") && HEREDOC.test(instruction.args)) {
      refusals.push({ line, message: `heredocs (<<EOF) are not accepted: write the commands on ${keyword} lines` });
      continue;
    }
    switch (keyword) {
      case "ARG":
        if (stages.length === 0)
          for (const [name, value] of argDeclarations(instruction.args)) globalArgs.set(name, value);
        break;
      case "FROM": {
        if (instruction.flags.length > 0) {
          const platform = instruction.flags.some((flag) => flag.name === "platform");
          refusals.push({
            line,
            message: platform
              ? "FROM --platform is not accepted: the exercise builds for this machine's platform"
              : `FROM --${instruction.flags[0]!.name} is not accepted`,
          });
          break;
        }
        const match = /^(\S+)(?:\s+as\s+([A-Za-z][A-Za-z0-9_.-]*))?$/i.exec(instruction.args);
        if (!match) {
          refusals.push({ line, message: "FROM takes an image and an optional AS <name>" });
          break;
        }
        const resolved = substitute(match[1]!, globalArgs);
        if (!resolved.ok) {
          refusals.push({ line, message: `FROM ${match[1]}: ${resolved.message}` });
          break;
        }
        const name = match[2]?.toLowerCase() ?? null;
        const earlier = stageNames.get(resolved.value.toLowerCase());
        const role = baseRole(resolved.value);
        if (earlier === undefined && role === undefined) {
          refusals.push({
            line,
            message: `FROM ${resolved.value}: only the course's bases (${allowedBasesText()}) or an earlier stage may be named`,
          });
          break;
        }
        if (name !== null) {
          if (stageNames.has(name)) refusals.push({ line, message: `a stage named "${name}" already exists` });
          stageNames.set(name, stages.length);
        }
        stages.push({ name, base: earlier !== undefined ? { stage: earlier } : { role: role! } });
        if (earlier === undefined)
          rewrites.push({ instruction, line: `FROM ${baseRefs[role!]}${name !== null ? ` AS ${name}` : ""}` });
        break;
      }
      case "COPY":
        checkFlags(instruction, new Set([...COPY_FLAGS, "from"]), refusals);
        for (const flag of instruction.flags.filter((candidate) => candidate.name === "from")) {
          const from = (flag.value ?? "").toLowerCase();
          const byIndex = /^\d+$/.test(from) && Number(from) < stages.length - 1;
          const byName = stageNames.has(from) && stageNames.get(from)! < stages.length - 1;
          if (!byIndex && !byName)
            refusals.push({
              line,
              message: `COPY --from=${flag.value ?? ""}: only an earlier stage may be named (never an image, which the engine would pull)`,
            });
        }
        break;
      case "ADD":
        checkFlags(instruction, COPY_FLAGS, refusals);
        if (/:\/\/|(^|\s)git@/i.test(instruction.args))
          refusals.push({
            line,
            message: "ADD from a URL or a git repository is not accepted: copy from the build context",
          });
        break;
      case "RUN":
        for (const flag of instruction.flags) {
          if (flag.name !== "mount")
            refusals.push({
              line,
              message: `RUN --${flag.name} is not accepted: the build runs in the engine's default sandbox`,
            });
          else if (!isCaSecretMount(flag.value))
            refusals.push({
              line,
              message: `RUN --mount=${flag.value ?? ""} is not accepted: the only mount is the CA bundle (--mount=type=secret,id=ca)`,
            });
        }
        break;
      case "HEALTHCHECK":
        checkFlags(
          instruction,
          new Set(["interval", "timeout", "start-period", "start-interval", "retries"]),
          refusals,
        );
        break;
      default:
        checkFlags(instruction, new Set(), refusals);
    }
  }
  if (refusals.length === 0 && stages.length === 0)
    refusals.push({ line: 1, message: "the Dockerfile has no FROM: start from one of the course's bases" });
  if (refusals.length > 0) return { ok: false, refusals: refusals.sort((a, b) => a.line - b.line) };

  const lines = text.split(/\r?\n/);
  for (const { instruction, line } of rewrites) {
    // One line for the FROM, blanks for its continuations: the engine's line numbers stay the learner's.
    for (let number = instruction.startLine; number <= instruction.endLine; number++)
      lines[number - 1] = number === instruction.startLine ? line : "";
  }
  let final = stages.length - 1;
  for (let stage = stages[final]!; "stage" in stage.base; stage = stages[final]!) final = stage.base.stage;
  const finalBase = stages[final]!.base as { role: BaseRole };
  return { ok: true, dockerfile: lines.join("\n"), stages, finalBase: finalBase.role };
}
