/**
 * A pure asciicast v2 parser (https://docs.asciinema.org/manual/asciicast/v2/): text in, a small
 * recording model out, or an AsciicastError that names the line and what is wrong with it.
 * No DOM and no Node APIs, so the same code runs at build time, in the browser and in unit tests.
 */

export interface OutputEvent {
  /** Playback seconds, after idle_time_limit has capped long pauses. */
  time: number;
  /** Seconds as recorded. */
  rawTime: number;
  data: string;
}

export interface Marker {
  time: number;
  rawTime: number;
  label: string;
}

export interface Recording {
  cols: number;
  rows: number;
  title?: string;
  idleTimeLimit?: number;
  output: OutputEvent[];
  markers: Marker[];
  /** Playback length in seconds (the last event's playback time). */
  duration: number;
  /** Recorded length in seconds. */
  rawDuration: number;
  /** Every event's [rawTime, time], ascending: the map between recorded and playback time. */
  timeMap: Array<[raw: number, playback: number]>;
}

export class AsciicastError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = "AsciicastError";
  }
}

/**
 * The largest terminal width or height accepted. Real terminals are a few hundred cells across at most, and the
 * player's xterm allocates cols × rows cells up front, so a corrupt or hostile header must not ask for 1e300 columns.
 */
export const MAX_TERMINAL_SIZE = 1000;

/**
 * The latest event time accepted, in seconds: a day. The course's recordings last minutes; a bigger time is a damaged
 * file or milliseconds written as seconds, and an unbounded one (1e308) overflows the timing maths to Infinity.
 */
export const MAX_EVENT_TIME = 24 * 60 * 60;

export interface ParseOptions {
  /** Overrides the header's idle_time_limit, as asciinema-player's `idleTimeLimit` option does. */
  idleTimeLimit?: number;
}

export function parseAsciicast(text: string, options: ParseOptions = {}): Recording {
  // Editors on Windows may save the file as "UTF-8 with BOM"; the mark is not part of the header's JSON.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const lines = text.split("\n");
  // A file always ends with "\n", so the last split element is empty; any other trailing blank lines are tolerated.
  let lastLine = lines.length;
  while (lastLine > 0 && lines[lastLine - 1]?.trim() === "") lastLine--;
  if (lastLine === 0) throw new AsciicastError(1, "the recording is empty (expected an asciicast v2 header)");
  const endsCleanly = text.endsWith("\n");

  const header = parseHeader(lines[0] ?? "", lastLine === 1 && !endsCleanly);
  const idleTimeLimit = options.idleTimeLimit ?? header.idleTimeLimit;
  const limit = idleTimeLimit !== undefined && idleTimeLimit > 0 ? idleTimeLimit : Infinity;

  const output: OutputEvent[] = [];
  const markers: Marker[] = [];
  const timeMap: Array<[number, number]> = [[0, 0]];
  let previousRaw = 0;
  let shift = 0;

  for (let index = 1; index < lastLine; index++) {
    const lineNumber = index + 1;
    const line = lines[index] ?? "";
    if (line.trim() === "") continue;
    const isLast = index === lastLine - 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new AsciicastError(
        lineNumber,
        isLast && !endsCleanly
          ? "the line is cut off; the recording looks truncated"
          : "not valid JSON (expected [time, code, data])",
      );
    }
    if (!Array.isArray(value) || value.length !== 3)
      throw new AsciicastError(lineNumber, "expected [time, code, data]");
    const [rawTime, code, data] = value as [unknown, unknown, unknown];
    if (typeof rawTime !== "number" || !Number.isFinite(rawTime) || rawTime < 0) {
      throw new AsciicastError(
        lineNumber,
        `time must be a non-negative number of seconds, got ${JSON.stringify(rawTime)}`,
      );
    }
    if (rawTime > MAX_EVENT_TIME) {
      throw new AsciicastError(
        lineNumber,
        `time ${JSON.stringify(rawTime)} is more than ${MAX_EVENT_TIME} seconds (24 hours); asciicast v2 times are in seconds`,
      );
    }
    if (typeof code !== "string" || code.length === 0)
      throw new AsciicastError(lineNumber, `event code must be a string like "o" or "m", got ${JSON.stringify(code)}`);
    if (typeof data !== "string")
      throw new AsciicastError(lineNumber, `event data must be a string, got ${JSON.stringify(data)}`);
    if (rawTime < previousRaw) {
      throw new AsciicastError(
        lineNumber,
        `time ${rawTime} is earlier than the previous event's ${previousRaw}; events must be in time order`,
      );
    }
    // Same rule as asciinema-player: a pause longer than the limit is shortened to the limit.
    const delay = rawTime - previousRaw;
    if (delay > limit) shift += delay - limit;
    previousRaw = rawTime;
    const time = round(rawTime - shift);
    timeMap.push([rawTime, time]);
    if (code === "o") output.push({ time, rawTime, data });
    else if (code === "m") markers.push({ time, rawTime, label: data });
    // "i" (input) and "r" (resize) events do not change what this player shows.
  }

  const last = timeMap[timeMap.length - 1] ?? [0, 0];
  return {
    cols: header.width,
    rows: header.height,
    title: header.title,
    idleTimeLimit,
    output,
    markers,
    duration: last[1],
    rawDuration: last[0],
    timeMap,
  };
}

interface Header {
  width: number;
  height: number;
  title?: string;
  idleTimeLimit?: number;
}

function parseHeader(line: string, cutOff: boolean): Header {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new AsciicastError(
      1,
      cutOff
        ? "the header is cut off; the recording looks truncated"
        : 'the header is not valid JSON (expected {"version": 2, "width": …, "height": …})',
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new AsciicastError(1, "the header must be a JSON object");
  const header = value as Record<string, unknown>;
  if (header.version !== 2)
    throw new AsciicastError(
      1,
      `unsupported asciicast version ${JSON.stringify(header.version)} (this player reads version 2)`,
    );
  for (const key of ["width", "height"] as const) {
    const size = header[key];
    if (typeof size !== "number" || !Number.isInteger(size) || size <= 0)
      throw new AsciicastError(1, `header "${key}" must be a positive whole number, got ${JSON.stringify(size)}`);
    if (size > MAX_TERMINAL_SIZE)
      throw new AsciicastError(1, `header "${key}" must be at most ${MAX_TERMINAL_SIZE}, got ${JSON.stringify(size)}`);
  }
  const idle = header.idle_time_limit;
  if (idle !== undefined && idle !== null && (typeof idle !== "number" || !(idle >= 0))) {
    throw new AsciicastError(1, `header "idle_time_limit" must be a non-negative number, got ${JSON.stringify(idle)}`);
  }
  return {
    width: header.width as number,
    height: header.height as number,
    title: typeof header.title === "string" ? header.title : undefined,
    idleTimeLimit: typeof idle === "number" ? idle : undefined,
  };
}

/** Microsecond precision, as recorded; avoids 0.30000000000000004 in labels and comparisons. */
function round(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}
