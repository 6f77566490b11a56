import { describe, expect, it } from "vitest";
import { searchTranscript } from "./transcript-search";

const text = [
  "0:00.1  $ docker run -d course-demo:naive",
  "0:02.0  ▸ docker stop: SIGTERM sent",
  "0:02.0  $ docker stop course-stop-naive",
  "1:05.3  npm error signal SIGTERM",
  "",
].join("\n");

describe("searchTranscript", () => {
  it("lists every line with the word, case-insensitively, at its time", () => {
    expect(searchTranscript(text, "sigterm")).toEqual([
      { time: 2, line: "▸ docker stop: SIGTERM sent" },
      { time: 65.3, line: "npm error signal SIGTERM" },
    ]);
  });

  it("finds nothing for a blank query or a word that is not there", () => {
    expect(searchTranscript(text, "  ")).toEqual([]);
    expect(searchTranscript(text, "healthz")).toEqual([]);
  });

  it("matches the line, not its time", () => {
    expect(searchTranscript(text, "0:02")).toEqual([]);
  });
});
