/** Searching a transcript's text (`m:ss.s  line`, one per line, as the transcript renders it) for a word. */

export interface TranscriptMatch {
  /** Playback seconds of the line. */
  time: number;
  /** The line without its time. */
  line: string;
}

const LINE = /^(\d+):(\d{2}(?:\.\d+)?) {2}(.*)$/;

/** Every line containing `query` (case-insensitive), in order; an empty query finds nothing. */
export function searchTranscript(text: string, query: string): TranscriptMatch[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const matches: TranscriptMatch[] = [];
  for (const row of text.split("\n")) {
    const parsed = LINE.exec(row);
    if (!parsed || !parsed[3]!.toLowerCase().includes(needle)) continue;
    matches.push({ time: Number(parsed[1]) * 60 + Number(parsed[2]), line: parsed[3]! });
  }
  return matches;
}
