import { hasPath, joinPath, setPath, splitPath, valueAt } from "./paths";
import { applyClientKinds } from "./presets/client-kinds";
import { type StackConfig, stackConfig } from "./schema";
import { fromZod } from "./zod-issues";

/** Top-level keys whose values are maps of named entries (a client, a group ...). */
const MAP_KEYS = ["clients", "resourceServers", "identityProviders", "groups", "seedUsers", "tags"];

/**
 * A config the cross-field rules can run on although the schema refused parts of it: each broken
 * value becomes the preset's, and a broken value the preset does not have drops the entry it
 * belongs to (a client with an unknown kind) or the value itself. Repeats while that uncovers more.
 */
export function repairForRules(merged: Record<string, unknown>, preset: StackConfig, paths: string[]) {
  const repaired = structuredClone(merged);
  const droppedEntries: string[] = [];
  let broken = paths;
  for (let round = 0; round < 5; round++) {
    for (const p of broken) {
      const fromPreset = valueAt(preset, p);
      const parts = splitPath(p);
      if (fromPreset !== undefined || !hasPath(repaired, p)) setPath(repaired, p, fromPreset);
      else if (MAP_KEYS.includes(parts[0]) && parts.length >= 2) {
        const entry = joinPath(parts.slice(0, 2));
        setPath(repaired, entry, undefined);
        droppedEntries.push(entry);
      } else setPath(repaired, p, undefined);
    }
    applyClientKinds(repaired);
    const parsed = stackConfig.safeParse(repaired);
    if (parsed.success) return { parsed, droppedEntries };
    broken = fromZod(parsed.error, stackConfig, repaired).map((i) => i.path);
  }
  return { parsed: stackConfig.safeParse(repaired), droppedEntries };
}
