import { describe, expect, it } from "vitest";
import { emptyProgress } from "./schema";
import { parseImport, readImportFile, serializeExport } from "./transfer";

const EMPTY_FILE = "This file is empty: it holds no progress export.";

describe("importing a progress file", () => {
  it("says an empty file is empty, not that it is invalid JSON", async () => {
    expect(await readImportFile(new Blob([]))).toEqual({ ok: false, error: EMPTY_FILE });
    expect(parseImport("")).toEqual({ ok: false, error: EMPTY_FILE });
    expect(parseImport(" \n\t\n")).toEqual({ ok: false, error: EMPTY_FILE });
  });

  it("still calls a file with broken JSON not valid JSON", () => {
    expect(parseImport("{ this is not json")).toEqual({ ok: false, error: "This file is not valid JSON." });
  });

  it("reads back what it exports", async () => {
    const exported = serializeExport(emptyProgress(), new Date("2026-11-27T10:00:00Z"));
    expect(await readImportFile(new Blob([exported]))).toEqual({ ok: true, data: emptyProgress() });
  });
});
