/**
 * Whether the site header shows while reading on a small screen: it gets out of the way when the
 * reader scrolls down and comes back as soon as they scroll up (or reach the top), so the text has
 * the whole screen while reading and the navigation is one flick away.
 */
export interface HeaderVisibility {
  /** The scroll position the last decision was taken at. */
  lastY: number;
  hidden: boolean;
}

export const initialHeaderVisibility: HeaderVisibility = { lastY: 0, hidden: false };

/** Scrolls shorter than this are ignored (a trackpad's jitter, a momentum tail), but they add up. */
export const SCROLL_SLACK = 8;

/** The header's state after the page scrolled to `y`; `headerHeight` is how far down it always shows. */
export function headerVisibilityAfterScroll(
  state: HeaderVisibility,
  y: number,
  headerHeight: number,
): HeaderVisibility {
  if (y <= headerHeight) return state.hidden || state.lastY !== y ? { lastY: y, hidden: false } : state;
  const moved = y - state.lastY;
  if (Math.abs(moved) < SCROLL_SLACK) return state;
  return { lastY: y, hidden: moved > 0 };
}
