/**
 * Where a recording's screens are served: /recordings/<name>.cast → /screens/<name>.json. Apart from ./screens.ts,
 * which carries zod, because the presenter's offline copy names these files on its first load.
 */
export function screensUrl(castUrl: string): string {
  const name =
    castUrl
      .split("/")
      .pop()
      ?.replace(/\.cast$/, "") ?? "";
  // Screens sit beside the recordings, under the same base path (a site hosted at /course/).
  const recordings = castUrl.lastIndexOf("/recordings/");
  const prefix = recordings > 0 ? castUrl.slice(0, recordings) : "";
  return `${prefix}/screens/${name}.json`;
}
