import "server-only";
import { Terminal } from "@xterm/headless";
import type { Recording } from "./parse";
import { computeScreens } from "./screens-compute";
import type { Screens } from "./screens";
import { rowsUsed } from "./transcript";

/** A headless xterm of the player's screen size (the recording's width, the rows it prints into), without scrollback. */
export function headlessTerminal(size: { cols: number; rows: number }): Terminal {
  return new Terminal({
    cols: size.cols,
    rows: size.rows,
    scrollback: 0,
    // The buffer API (reading cells) is "proposed" in xterm's terms.
    allowProposedApi: true,
  });
}

/**
 * A recording's screens, computed by xterm's own emulator (headless): run when the site is built, when
 * /screens/<scenario>.json is prerendered.
 */
export async function screensOf(recording: Recording, interval?: number): Promise<Screens> {
  const term = headlessTerminal({ cols: recording.cols, rows: rowsUsed(recording) });
  try {
    return await computeScreens(recording.output, term, interval);
  } finally {
    term.dispose();
  }
}
