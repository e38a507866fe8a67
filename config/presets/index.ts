import type { StackConfig } from "../schema";
import { devPreset } from "./dev";
import { prodPreset } from "./prod";

export type Environment = StackConfig["environment"];

export const PRESETS: Record<Environment, (stack: string) => StackConfig> = { dev: devPreset, prod: prodPreset };

/** A stack named like a preset uses it; any other stack gets the strict prod preset unless it sets `environment`. */
export function defaultEnvironment(stack: string): Environment {
  return stack === "dev" ? "dev" : "prod";
}
