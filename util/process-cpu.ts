import { execFileSync } from "node:child_process";
import * as fs from "node:fs";

let ticks: number | undefined;

/** Clock ticks per second, the unit of /proc's CPU times (`getconf CLK_TCK`, 100 on Linux as built). */
function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/**
 * CPU seconds (user + system, every thread) another process has used so far, from /proc/<pid>/stat;
 * undefined where there is no /proc (not Linux) or once the process is gone.
 */
export function processCpuSeconds(pid: number): number | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // After "pid (comm) ", proc(5)'s field 3 (state) comes first: utime and stime, fields 14 and 15, are at 11 and 12.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const cpu = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(cpu) ? cpu / clockTicks() : undefined;
}

/** This process's own CPU seconds so far (user + system, every thread). */
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
