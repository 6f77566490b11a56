import { describe, expect, it } from "vitest";
import {
  firstFrameToSend,
  isLoopbackAddress,
  isLoopbackHost,
  isLoopbackOrigin,
  originAllowed,
  parseRunRequest,
} from "./guard";

describe("the live server's request guard", () => {
  it("accepts loopback peers only", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"])
      expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ["10.0.0.5", "192.168.1.20", "::ffff:10.0.0.5", "fe80::1", "0.0.0.0", undefined])
      expect(isLoopbackAddress(address)).toBe(false);
  });

  it("accepts a Host header naming this machine and this port, which stops DNS rebinding", () => {
    expect(isLoopbackHost("127.0.0.1:4100", 4100)).toBe(true);
    expect(isLoopbackHost("localhost:4100", 4100)).toBe(true);
    expect(isLoopbackHost("[::1]:4100", 4100)).toBe(true);
    expect(isLoopbackHost("evil.example:4100", 4100)).toBe(false);
    expect(isLoopbackHost("127.0.0.1:3000", 4100)).toBe(false);
    expect(isLoopbackHost(undefined, 4100)).toBe(false);
  });

  it("lets pages from this machine (or named origins) drive it, and no other website", () => {
    expect(isLoopbackOrigin("http://127.0.0.1:3000")).toBe(true);
    expect(isLoopbackOrigin("http://localhost:3100")).toBe(true);
    expect(isLoopbackOrigin("https://course.example")).toBe(false);
    expect(isLoopbackOrigin("http://127.0.0.1.evil.example")).toBe(false);
    expect(originAllowed(undefined, [])).toBe(true);
    expect(originAllowed("https://course.example", [])).toBe(false);
    expect(originAllowed("https://course.example", ["https://course.example"])).toBe(true);
  });

  it("takes a named scenario and refuses everything else", () => {
    expect(parseRunRequest('{"scenario":"stop-optimized"}')).toEqual({ ok: true, scenario: "stop-optimized" });
    expect(parseRunRequest('{"scenario":"rm -rf /"}')).toEqual({
      ok: false,
      message: expect.stringContaining('"scenario" must be one of stop-naive'),
    });
    expect(parseRunRequest('{"scenario":"stop-optimized","args":["--privileged"]}')).toEqual({
      ok: false,
      message: 'only "scenario" may be sent; refused: "args"',
    });
    expect(parseRunRequest('{"scenario":"stop-optimized","image":"alpine"}')).toEqual({
      ok: false,
      message: 'only "scenario" may be sent; refused: "image"',
    });
    expect(parseRunRequest("stop-optimized").ok).toBe(false);
    expect(parseRunRequest("[]").ok).toBe(false);
  });

  it("resumes an event stream after a plain frame number, and from the first frame for anything else", () => {
    expect(firstFrameToSend("4")).toBe(5);
    expect(firstFrameToSend("0")).toBe(1);
    for (const value of [null, "", "-1", "1.5", "1e3", "0x10", " 4", "abc", "9999999999"])
      expect(firstFrameToSend(value)).toBe(0);
  });
});
