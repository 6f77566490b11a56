import { DockerfileParser, JSONInstruction, ModifiableInstruction, type Instruction } from "dockerfile-ast";

/**
 * A Dockerfile read with dockerfile-ast into the little the exercise's rules look at: build stages in
 * order, each with its instructions, arguments (ARG values substituted where Docker would substitute
 * them in FROM), flags and, for the JSON form, the array. Lines are 1-based, as an editor shows them.
 */
export interface DockerInstruction {
  keyword: string;
  line: number;
  /** The arguments as Docker splits them, flags left out; ARG defaults substituted (FROM only). */
  args: string[];
  /** `--name=value` flags (`--from`, `--chown`, `--mount`…); a flag without a value maps to "". */
  flags: Record<string, string>;
  /** The JSON-array (exec) form's strings, or null for the shell form and for instructions that have none. */
  exec: string[] | null;
}

export interface BuildStage {
  from: DockerInstruction;
  /** The base: an image reference with ARG defaults substituted, or an earlier stage's name. */
  base: string;
  /** `AS <name>`, lower-cased as Docker compares it. */
  name: string | null;
  instructions: DockerInstruction[];
}

export interface ParsedDockerfile {
  stages: BuildStage[];
}

/** Why the text is not a Dockerfile Docker would build, at the line to fix. */
export interface ParseProblem {
  line: number;
  message: string;
}

export type ParseResult = { ok: true; dockerfile: ParsedDockerfile } | { ok: false; problems: ParseProblem[] };

const INSTRUCTIONS = [
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR",
];

/** Instructions whose JSON form Docker runs without a shell; a broken array there is almost always a typo. */
const EXEC_FORM_INSTRUCTIONS = new Set(["CMD", "ENTRYPOINT", "RUN", "SHELL"]);

/** Edit distance, for "did you mean FROM?" on a misspelt instruction. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

function suggestion(keyword: string): string {
  const closest = INSTRUCTIONS.map((name) => ({ name, cost: distance(keyword, name) })).sort(
    (a, b) => a.cost - b.cost,
  )[0];
  return closest && closest.cost <= 2 ? ` (did you mean ${closest.name}?)` : "";
}

function toInstruction(instruction: Instruction): DockerInstruction {
  const keyword = instruction.getKeyword().toUpperCase();
  const flags: Record<string, string> = {};
  if (instruction instanceof ModifiableInstruction) {
    for (const flag of instruction.getFlags()) flags[flag.getName().toLowerCase()] = flag.getValue() ?? "";
  }
  const isExec =
    instruction instanceof JSONInstruction &&
    instruction.getOpeningBracket() !== null &&
    instruction.getClosingBracket() !== null;
  const arguments_ = keyword === "FROM" ? instruction.getExpandedArguments() : instruction.getArguments();
  return {
    keyword,
    line: instruction.getRange().start.line + 1,
    args: arguments_.map((argument) => argument.getValue()),
    flags,
    exec: isExec ? (instruction as JSONInstruction).getJSONStrings().map((part) => part.getJSONValue()) : null,
  };
}

/** What is wrong with one instruction on its own, if anything. */
function instructionProblem(instruction: Instruction, read: DockerInstruction): string | null {
  const keyword = instruction.getKeyword();
  if (!INSTRUCTIONS.includes(keyword.toUpperCase()))
    return `"${keyword}" is not a Dockerfile instruction${suggestion(keyword.toUpperCase())}.`;
  if (read.args.length === 0 && instruction.getArguments().length === 0)
    return `${read.keyword} needs arguments, and this line has none.`;
  if (
    EXEC_FORM_INSTRUCTIONS.has(read.keyword) &&
    instruction instanceof JSONInstruction &&
    instruction.getOpeningBracket() !== null &&
    instruction.getClosingBracket() === null
  )
    return `${read.keyword} opens a JSON array that is never closed or is not valid JSON (check the quotes, commas and the closing "]"); Docker would run it through a shell as plain text.`;
  return null;
}

/**
 * Reads a Dockerfile. dockerfile-ast accepts any text; what Docker would refuse (an unknown
 * instruction, an instruction with no arguments, anything but ARG before the first FROM, no FROM at
 * all) and a broken exec-form array come back as problems at their lines, never as an exception.
 */
export function parseDockerfile(text: string): ParseResult {
  let instructions: Instruction[];
  try {
    instructions = DockerfileParser.parse(text).getInstructions();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ line: 1, message: `This text could not be read as a Dockerfile (${reason}).` }] };
  }
  const problems: ParseProblem[] = [];
  const stages: BuildStage[] = [];
  for (const instruction of instructions) {
    const read = toInstruction(instruction);
    const problem = instructionProblem(instruction, read);
    if (problem) {
      problems.push({ line: read.line, message: problem });
      continue;
    }
    if (read.keyword === "FROM") {
      const asIndex = read.args.findIndex((argument) => argument.toUpperCase() === "AS");
      stages.push({
        from: read,
        base: read.args[0]!,
        name: asIndex >= 0 ? (read.args[asIndex + 1]?.toLowerCase() ?? null) : null,
        instructions: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (stage) stage.instructions.push(read);
    else if (read.keyword !== "ARG")
      problems.push({ line: read.line, message: `${read.keyword} comes before the first FROM; only ARG may.` });
  }
  if (problems.length === 0 && stages.length === 0)
    problems.push({ line: 1, message: "There is no FROM line: a Dockerfile starts its image with FROM <base image>." });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dockerfile: { stages } };
}

/** The stage `docker build` builds when no --target is given: the last one. */
export function finalStage(dockerfile: ParsedDockerfile): BuildStage {
  return dockerfile.stages.at(-1)!;
}

/** The stage named `name` defined before `before`, if a FROM or COPY --from refers to one. */
export function earlierStage(dockerfile: ParsedDockerfile, name: string, before: BuildStage): BuildStage | undefined {
  const index = dockerfile.stages.indexOf(before);
  return dockerfile.stages.slice(0, index).find((stage) => stage.name === name.toLowerCase());
}
