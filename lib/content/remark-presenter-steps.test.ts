import { describe, expect, it } from "vitest";
import { compileMdx } from "./compile-mdx.server";

const FILE = `${process.cwd()}/content/basics/presenter-fixture.mdx`;

describe("presenter steps from a lesson", () => {
  it("lists the sandboxes in order with their section and speaker notes, and keeps the notes out of the lesson", async () => {
    const source = [
      "## Signals",
      "",
      '<Sandbox scenario="stop-naive" />',
      "",
      "<SpeakerNotes>",
      "Ask the room what **exit code** they expect.",
      "",
      "- Point at `npm` as PID 1",
      "- Wait for the SIGTERM marker",
      "</SpeakerNotes>",
      "",
      "### Zombies",
      "",
      '<SandboxCompare left="stop-naive" right="stop-optimized" title="Naive vs optimized" />',
    ].join("\n");
    const { presenterSteps, code } = await compileMdx(FILE, source);
    expect(presenterSteps).toEqual([
      {
        scenarios: ["stop-naive"],
        section: "Signals",
        notes: ["Ask the room what exit code they expect.", "Point at npm as PID 1", "Wait for the SIGTERM marker"],
      },
      {
        scenarios: ["stop-naive", "stop-optimized"],
        title: "Naive vs optimized",
        section: "Signals › Zombies",
        notes: [],
      },
    ]);
    expect(code).not.toContain("Ask the room");
    expect(code).not.toContain("SpeakerNotes");
  });

  it("fails the build at the line of a note that follows no sandbox", async () => {
    await expect(compileMdx(FILE, "# T\n\n<SpeakerNotes>\nHello\n</SpeakerNotes>\n")).rejects.toThrow(
      /presenter-fixture\.mdx:3:1: MDX error: <SpeakerNotes> must come after the <Sandbox> or <SandboxCompare> it is about/,
    );
  });

  it("fails the build for a nested note and for a sandbox without a literal scenario", async () => {
    await expect(
      compileMdx(FILE, '<Sandbox scenario="zombies" />\n\n<Note>\n<SpeakerNotes>x</SpeakerNotes>\n</Note>\n'),
    ).rejects.toThrow(/:4:1: MDX error: <SpeakerNotes> must sit at the top level/);
    await expect(compileMdx(FILE, "<Sandbox scenario={name} />\n")).rejects.toThrow(
      /:1:1: MDX error: <Sandbox> needs a literal scenario="…"/,
    );
  });
});
