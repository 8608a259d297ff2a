// How a claim about a platform we do not run is known, in words a reader sees on the page.
// Pure: used by the outcome component, the scenario page and the API.
import { osName } from './platform-names.ts';

/** Platforms whose outcomes are cited, never run here, with their display names. */
export const citedPlatforms = (['windows', 'darwin'] as const).map((p) => [p, osName(p)] as const);
export type CitedPlatform = (typeof citedPlatforms)[number][0];

// Who is speaking, recognised from a source's title: "Microsoft Learn says: ...".
const speakers: Array<[RegExp, string]> = [
  [/Microsoft Learn/, 'Microsoft Learn'],
  [/\bXNU\b/, "Apple's XNU source"],
  [/macOS|Apple/, "Apple's manual"],
  [/^libuv\b/, "libuv's source"],
  [/^Node\.js/, "Node.js's source"],
  [/FreeBSD/, "FreeBSD's manual"],
  [/^RFC \d+/, ''],
];

/** Whether a source is the platform's owner (Microsoft Learn, Apple, libuv, Node.js, FreeBSD, an RFC), judged by its title. */
export function isOwnerSource(sourceTitle: string): boolean {
  return speakers.some(([pattern]) => pattern.test(sourceTitle));
}

/** Who a quote comes from, e.g. "Microsoft Learn" for a Microsoft Learn page; the title itself otherwise. */
export function speakerOf(sourceTitle: string): string {
  for (const [pattern, name] of speakers) {
    if (!pattern.test(sourceTitle)) continue;
    return name || (/^RFC \d+/.exec(sourceTitle)?.[0] ?? sourceTitle);
  }
  return sourceTitle;
}

/** Whether a quote is source code (shown as a code block) rather than prose (shown in quotation marks). */
export function isCode(text: string): boolean {
  return /^#define\b|[{};]\s*$|\n|->|==/m.test(text) || /\w\(.*\)\s*[;{]/.test(text);
}
