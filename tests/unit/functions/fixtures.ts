import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../../util/project-root";

/** A fresh copy of a committed event (tests/fixtures/functions), so handlers may mutate it. */
export function fixtureEvent<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "tests/fixtures/functions", `${name}.json`), "utf8")) as T;
}
