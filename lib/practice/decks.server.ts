import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { lessonIdFromFile } from "@/lib/content/lesson-id";
import { factValue } from "@/lib/recordings/facts";
import { loadManifest } from "@/lib/recordings/manifest.server";
import { DeckError, fillFacts, parseDeck, type PracticeDeck } from "./cards";

const DEFAULT_CONTENT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "content");
const DECK_SUFFIX = ".practice.ts";

const cache = new Map<string, PracticeDeck[]>();

/**
 * Every practice deck: each `content/<chapter>/<lesson>.practice.ts` next to its lesson, found the
 * way lessons are, validated and with its {fact:…} filled from the manifest. The practice and
 * progress pages are prerendered, so an invalid deck (or a fact the manifest cannot fill) fails
 * `next build` with a message naming the file and card.
 */
export function loadDecks(contentDir = DEFAULT_CONTENT_DIR): PracticeDeck[] {
  const cached = cache.get(contentDir);
  if (cached) return cached;
  const decks = readdirSync(/*turbopackIgnore: true*/ contentDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(DECK_SUFFIX))
    .sort()
    .map((file) => {
      const absolute = path.join(/*turbopackIgnore: true*/ contentDir, file);
      const relative = path.relative(process.cwd(), absolute);
      const deck = parseDeck(lessonIdFromFile(file), relative, readCards(absolute, relative));
      return fillFacts(deck, (name) => factValue(loadManifest(), name));
    });
  cache.set(contentDir, decks);
  return decks;
}

/**
 * A deck is TypeScript (so a card is typed as it is written) read at build time: esbuild bundles the
 * file on its own and its `cards` export is read from the result, so lib imports nothing from content/.
 */
function readCards(file: string, relative: string): readonly unknown[] {
  let code: string;
  try {
    const result = buildSync({
      entryPoints: [file],
      bundle: true,
      write: false,
      format: "cjs",
      platform: "node",
      logLevel: "silent",
    });
    code = result.outputFiles[0]!.text;
  } catch (error) {
    const errors =
      (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors ?? [];
    const [first] = errors;
    const where = first?.location ? `:${first.location.line}:${first.location.column + 1}` : "";
    throw new DeckError(`${relative}${where}: ${first?.text ?? String(error)}`);
  }
  const deckModule = { exports: {} as { cards?: unknown } };
  new Function("module", "exports", code)(deckModule, deckModule.exports);
  const { cards } = deckModule.exports;
  if (!Array.isArray(cards)) throw new DeckError(`${relative}: a deck exports \`cards\`, an array of practice cards`);
  return cards;
}
