/** FNV-1a: a stable 32-bit hash, so a seed made from a question id is the same on server and client. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a tiny seeded generator returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a given random source; returns a new array. */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/**
 * The starting order of an order-the-lines question: a permutation of 0..n-1 derived from the
 * question id (identical in the server HTML and on the client) that is never already solved.
 */
export function scrambledOrder(length: number, seed: string): number[] {
  const identity = Array.from({ length }, (_, i) => i);
  if (length < 2) return identity;
  const random = seededRandom(hashString(seed));
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = shuffle(identity, random);
    if (candidate.some((value, index) => value !== index)) return candidate;
  }
  // Twenty solved shuffles in a row cannot really happen, but a rotation is never solved.
  return identity.map((_, i) => (i + 1) % length);
}
