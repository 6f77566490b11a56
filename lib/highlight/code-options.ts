/**
 * Parses what an author writes after a fence (```ts title="server.ts" {3,5-7})
 * or passes as props to <Code>, into one shape the highlighter understands.
 */
export interface CodeOptions {
  lang: string;
  title?: string;
  /** 1-based line numbers to emphasise. */
  highlightLines: number[];
  /** Numbered callouts: text on a line → the number shown beside it. */
  callouts: Record<string, number>;
}

export function parseLineRanges(spec: string): number[] {
  const lines = new Set<number>();
  for (const part of spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) throw new Error(`line range "${part}" should look like 3 or 5-7`);
    const start = Number(match[1]);
    const end = match[2] ? Number(match[2]) : start;
    if (end < start) throw new Error(`line range "${part}" runs backwards`);
    for (let line = start; line <= end; line++) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
}

/** Reads `title="…"` and `{1,3-4}` out of a fence's meta string. */
export function parseFenceMeta(meta: string | null | undefined): Pick<CodeOptions, "title" | "highlightLines"> {
  const text = meta ?? "";
  const title = /title="([^"]*)"/.exec(text)?.[1];
  const ranges = /\{([\d,\s-]+)\}/.exec(text)?.[1];
  return { title, highlightLines: ranges ? parseLineRanges(ranges) : [] };
}

const CALLOUT_NOTATION = /\s*(?:\/\/|#|--|<!--)\s*\[!callout (\d+)\]\s*(?:-->)?\s*$/;

/**
 * Fenced code marks callouts inline (`RUN npm ci # [!callout 2]`); the marker is
 * stripped so readers and the copy button see clean code.
 */
export function extractInlineCallouts(code: string): { code: string; calloutsByLine: Map<number, number> } {
  const calloutsByLine = new Map<number, number>();
  const lines = code.split("\n").map((line, index) => {
    const match = CALLOUT_NOTATION.exec(line);
    if (!match) return line;
    calloutsByLine.set(index + 1, Number(match[1]));
    return line.slice(0, match.index);
  });
  return { code: lines.join("\n"), calloutsByLine };
}

/**
 * Imported files can't carry notation, so callouts name a piece of text on the line.
 * A callout whose text is missing is an error: the file changed under the lesson.
 */
export function locateCallouts(code: string, callouts: Record<string, number>): Map<number, number> {
  const lines = code.split("\n");
  const calloutsByLine = new Map<number, number>();
  for (const [needle, number] of Object.entries(callouts)) {
    const index = lines.findIndex((line) => line.includes(needle));
    if (index === -1) throw new Error(`callout ${number}: no line contains "${needle}"`);
    calloutsByLine.set(index + 1, number);
  }
  return calloutsByLine;
}
