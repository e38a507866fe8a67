/** File (relative to the root) -> its SHA-1, or why it cannot be trusted. */
export type ContentHashes = Record<string, string>;
export const BUILD_SETTINGS: readonly string[];
export function hashOf(root: string, rel: string): string | undefined;
export function recordHashes(root: string, files: readonly string[], startedMs: number): ContentHashes;
export function changedSince(root: string, hashes: ContentHashes | undefined): string | undefined;
export function fileClockMs(dir: string): number;
