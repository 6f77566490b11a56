import { describe, expect, it } from "vitest";
import { parseAsciicast } from "./parse";
import { rowsUsed, screenTextAt, stripAnsi, transcript } from "./transcript";

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

describe("transcript lines and rows", () => {
  const spaced = parseAsciicast(
    [
      JSON.stringify({ version: 2, width: 40, height: 30 }),
      JSON.stringify([0.1, "o", "$ npm start\r\n\r\n> node dist/server.js\r\n"]),
      JSON.stringify([0.2, "o", "\r\n"]),
    ].join("\n") + "\n",
  );

  it("leaves blank lines out, so no timestamp stands alone", () => {
    expect(transcript(spaced).map((entry) => entry.text)).toEqual(["$ npm start", "> node dist/server.js"]);
  });

  it("sizes the terminal to the rows the recording prints, up to its height", () => {
    expect(rowsUsed(spaced)).toBe(5);
    expect(rowsUsed({ ...spaced, rows: 3 })).toBe(3);
  });

  it("counts a line wider than the terminal as the rows it wraps to, as the poster shows it", () => {
    const wide = parseAsciicast(
      [
        JSON.stringify({ version: 2, width: 10, height: 30 }),
        JSON.stringify([0.1, "o", "0123456789abcdef\r\nok\r\n"]),
      ].join("\n") + "\n",
    );
    expect(rowsUsed(wide)).toBe(4);
    expect(screenTextAt(wide, 1)).toBe("0123456789\nabcdef\nok");
  });
});

describe("stripAnsi: everything xterm interprets, nothing it prints (issue 16, item 12)", () => {
  it("strips 8-bit C1 CSI and OSC", () => {
    expect(stripAnsi("\u009b31mred\u009b0m")).toBe("red");
    expect(stripAnsi("\u009d0;title\u009cok \u009d2;t\u0007done")).toBe("ok done");
  });

  it("strips OSC ended by ST (ESC \\), such as hyperlinks, keeping the link text", () => {
    expect(stripAnsi("\u001b]8;;https://example.com\u001b\\link\u001b]8;;\u001b\\")).toBe("link");
  });

  it("strips an unterminated OSC to the end of the text, so no payload leaks, even across newlines as xterm does", () => {
    expect(stripAnsi("\u001b]52;c;SGVsbG8=")).toBe("");
    expect(stripAnsi("ok\u001b]52;c;SGVs\r\nbG8=")).toBe("ok");
    expect(stripAnsi("\u009d52;c;SGVsbG8=")).toBe("");
  });

  it("ends an OSC where another escape starts, as xterm does", () => {
    expect(stripAnsi("\u001b]0;title\u001b[31mred")).toBe("red");
  });

  it("strips DCS, SOS, PM and APC strings, 7-bit and 8-bit, terminated or not", () => {
    expect(stripAnsi("\u001bPq#0;2;0;0;0\u001b\\")).toBe("");
    expect(stripAnsi("a\u0090q#0;2;0;0;0\u009cb")).toBe("ab");
    expect(stripAnsi("a\u001bXsos\u001b\\b\u001b^pm\u009cc\u001b_Gf=100;AAAA\u001b\\d")).toBe("abcd");
    expect(stripAnsi("a\u0098sos\u009cb\u009epm\u001b\\c\u009fapc\u009cd")).toBe("abcd");
    expect(stripAnsi("x\u001bP1$r0m")).toBe("x");
    expect(stripAnsi("x\u009f_unterminated apc")).toBe("x");
  });

  it("strips lone C1 controls and the other escapes (cursor save/restore, charsets, keypad modes, reset)", () => {
    expect(stripAnsi("a\u0085b\u009cc\u0084d\u0080e")).toBe("abcde");
    expect(stripAnsi("\u001b7saved\u001b8 \u001b(Bx\u001b=\u001b>\u001bc\u001b#8y")).toBe("saved xy");
  });

  it("leaves ordinary text alone, including non-ASCII", () => {
    const text = "café ✓ — 日本語 ─┼─ 🐳 \u00a0nbsp\ttab\r\n";
    expect(stripAnsi(text)).toBe(text);
  });

  it("keeps the transcript free of C1 debris while CR, LF and backspace still work", () => {
    const recording = parseAsciicast(
      [
        JSON.stringify({ version: 2, width: 20, height: 2 }),
        JSON.stringify([0.1, "o", "\u009b1;32m$\u009b0m copy\u001b]52;c;SGVsbG8=\u0007\r\n"]),
        JSON.stringify([0.2, "o", "\u001bPq#0;2;0;0;0\u001b\\10%\r100%\r\n"]),
        JSON.stringify([0.3, "o", "typo\b\bed\u009d0;unterminated"]),
      ].join("\n") + "\n",
    );
    expect(transcript(recording).map((entry) => entry.text)).toEqual(["$ copy", "100%", "tyed"]);
  });
});
