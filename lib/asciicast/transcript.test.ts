import { describe, expect, it } from "vitest";
import { parseAsciicast } from "./parse";
import { screenTextAt, stripAnsi, transcript } from "./transcript";

const recording = parseAsciicast(
  [
    JSON.stringify({ version: 2, width: 20, height: 2 }),
    JSON.stringify([0.1, "o", "\u001b[1;32m$\u001b[0m docker stop app\r\n"]),
    JSON.stringify([0.5, "o", "\u001b]0;title\u0007pulling 10%\rpulling 100%\r\n"]),
    JSON.stringify([1, "m", "SIGTERM sent"]),
    JSON.stringify([1.2, "o", "typo\b\bed\r\nbye"]),
  ].join("\n") + "\n",
);

describe("transcript", () => {
  it("strips colours and titles", () => {
    expect(stripAnsi("\u001b[31mred\u001b[0m \u001b]0;t\u0007ok")).toBe("red ok");
  });

  it("tells the story in order: output lines as the screen showed them, with markers between", () => {
    expect(transcript(recording)).toEqual([
      { time: 0.1, kind: "output", text: "$ docker stop app" },
      { time: 0.5, kind: "output", text: "pulling 100%" },
      { time: 1, kind: "marker", text: "SIGTERM sent" },
      { time: 1.2, kind: "output", text: "tyed" },
      { time: 1.2, kind: "output", text: "bye" },
    ]);
  });

  it("shows the last screenful of lines at a time for the poster", () => {
    expect(screenTextAt(recording, 0.6)).toBe("$ docker stop app\npulling 100%");
    expect(screenTextAt(recording, 2)).toBe("tyed\nbye");
  });
});
