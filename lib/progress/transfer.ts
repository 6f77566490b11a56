import { migrateEnvelope } from "./migrate";
import { PROGRESS_VERSION, type ProgressData } from "./schema";

/** Export files carry a format tag so an unrelated JSON file is refused instead of guessed at. */
export const EXPORT_FORMAT = "shipping-node-progress";

export function serializeExport(data: ProgressData, now: Date): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: PROGRESS_VERSION, exportedAt: now.toISOString(), state: data }, null, 2)}\n`;
}

export function exportFileName(now: Date): string {
  return `shipping-node-progress-${now.toISOString().slice(0, 10)}.json`;
}

export type ImportResult = { ok: true; data: ProgressData; migratedFrom?: number } | { ok: false; error: string };

/** Validates an export file's text; older export versions go through the same migrations as storage. */
export function parseImport(text: string): ImportResult {
  // An empty file is a different mistake from a broken one (a failed download, the wrong file picked): say so.
  if (text.trim() === "") return { ok: false, error: "This file is empty: it holds no progress export." };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: "This file is not valid JSON." };
  }
  if (typeof parsed !== "object" || parsed === null || (parsed as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: "This file is not a progress export from this site." };
  }
  const outcome = migrateEnvelope(parsed);
  switch (outcome.status) {
    case "ok":
      return { ok: true, data: outcome.data };
    case "migrated":
      return { ok: true, data: outcome.data, migratedFrom: outcome.from };
    default:
      return {
        ok: false,
        error: `This progress file can't be used: ${outcome.status === "reset" ? outcome.reason : "it is empty"}.`,
      };
  }
}

/**
 * A real export is a few kilobytes; 1 MB leaves room for years of answers. Checked before reading
 * so a wrong (say, 37 MB) file is refused at once instead of freezing the tab or filling storage.
 */
export const MAX_IMPORT_BYTES = 1_000_000;

export async function readImportFile(file: Pick<Blob, "size" | "text">): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: `This file is ${(file.size / 1_000_000).toFixed(1)} MB, far bigger than a progress export (the limit is ${MAX_IMPORT_BYTES / 1_000_000} MB), so it was not read.`,
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: "This file could not be read." };
  }
  return parseImport(text);
}
