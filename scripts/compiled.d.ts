/** Types of scripts/compiled.js (plain JavaScript: it runs before any TypeScript loader). */
export const ENTRIES: Readonly<Record<string, string>>;
export const OUT_DIR: string;
/** The path of a fresh bundle of the entry, building it first when it is stale. */
export function compiled(name: string): string;
/** Why the entry's bundle must be rebuilt, or undefined when it is fresh. */
export function staleReason(name: string): string | undefined;
/** Bundles one entry into .build/; returns the milliseconds it took. */
export function build(name: string): number;
export function bundlePath(name: string): string;
