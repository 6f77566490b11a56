import { cards as dockerizingNodejs } from "@/content/production-and-scaling/dockerizing-nodejs.practice";
import { factValue } from "@/lib/recordings/facts";
import { loadManifest } from "@/lib/recordings/manifest.server";
import { fillFacts, parseDeck, type PracticeDeck } from "./cards";

/**
 * Every practice deck, validated when this module loads: the practice and progress pages are
 * prerendered, so an invalid deck (or a {fact:…} the manifest cannot fill) fails `next build` with a
 * message naming the file and card.
 * A new lesson's deck is one more line here.
 */
export const decks: PracticeDeck[] = [
  parseDeck("production-and-scaling/dockerizing-nodejs", "content/production-and-scaling/dockerizing-nodejs.practice.ts", dockerizingNodejs),
].map((deck) => fillFacts(deck, (name) => factValue(loadManifest(), name)));
