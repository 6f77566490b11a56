import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseManifest } from "@/lib/recordings/manifest-schema";
import { LAB_CHECKS, labReference, labRunRequestSchema, parseLabEvent, parseRunnerUrl } from "./protocol";

const manifest = parseManifest(
  JSON.parse(readFileSync(path.join(process.cwd(), "sandboxes", "recordings", "manifest.json"), "utf8")),
);

describe("the lab protocol", () => {
  it("reads the runner's printed URL, and refuses one that is not loopback http or has no token", () => {
    const token = "abcdefghijklmnopqrstuvwxyz012345";
    expect(parseRunnerUrl(` http://127.0.0.1:4300/?token=${token} `)).toEqual({
      ok: true,
      address: { origin: "http://127.0.0.1:4300", token },
    });
    expect(parseRunnerUrl(`http://localhost:4400/?token=${token}`)).toMatchObject({ ok: true });
    expect(parseRunnerUrl(`http://evil.example:4300/?token=${token}`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/only listens on this machine/),
    });
    expect(parseRunnerUrl(`https://127.0.0.1:4300/?token=${token}`)).toMatchObject({ ok: false });
    expect(parseRunnerUrl("http://127.0.0.1:4300/")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no token/),
    });
    expect(parseRunnerUrl("127.0.0.1")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/paste the whole URL/),
    });
  });

  it("accepts only a Dockerfile's text in a run request", () => {
    expect(labRunRequestSchema.safeParse({ dockerfile: "FROM node:20" }).success).toBe(true);
    expect(labRunRequestSchema.safeParse({ dockerfile: "" }).success).toBe(false);
    expect(labRunRequestSchema.safeParse({ dockerfile: "FROM x", args: [] }).success).toBe(false);
    expect(labRunRequestSchema.safeParse({ dockerfile: "é".repeat(8 * 1024 + 1) }).success).toBe(false);
  });

  it("parses streamed events and explains a line it does not understand", () => {
    expect(parseLabEvent('{"type":"phase","message":"building"}')).toEqual({
      ok: true,
      event: { type: "phase", message: "building" },
    });
    expect(parseLabEvent('{"type":"explode"}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not understand/),
    });
    expect(parseLabEvent("not json")).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
  });

  it("takes the naive and optimized values of every check from the recordings' manifest", () => {
    const rows = labReference(manifest);
    expect(rows.map((row) => row.id)).toEqual(LAB_CHECKS.map((check) => check.id));
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    const optimizedBytes = manifest.scenarios.sizes.facts.images.find((image) => image.name === "optimized image")!;
    expect(byId.size!.optimized).toBe(`${Math.round(optimizedBytes.uncompressedBytes / 1e6)} MB`);
    const stop = manifest.scenarios["stop-optimized"].facts;
    expect(byId["graceful-stop"]!.optimized).toBe(
      `${stop.inflightOutcome}, exit ${stop.exitCode}, ${stop.stopSeconds.toFixed(1)} s`,
    );
    const naiveRow = manifest.scenarios["secrets-and-user"].facts.rows.find((row) => row.image === "naive")!;
    expect(byId.user!.naive).toBe(`${naiveRow.user} (uid ${naiveRow.uid})`);
  });
});
