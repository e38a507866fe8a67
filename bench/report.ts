/** The Markdown section of BENCHMARKS.md for one run's results (bench/runs.ts). */
import type { Results } from "./runs";
import { fmtMb, fmtMs, fmtRatio, ratio, type StepRow, table, verdict } from "./stats";

export function markdown(r: Results): string {
  const c = r.cold;
  const s1000 = r.scaling.find((s) => s.n === 1000);
  const login10 = r.login?.find((l) => l.concurrency === 10);
  const out: string[] = [
    `## Run ${r.date} (node ${r.node}, ${r.cpus} CPUs, load average at start ${r.loadAverage.map((x) => x.toFixed(1)).join(" ")}${r.quick ? ", --quick" : ""})`,
    "",
    "### Targets",
    "",
    ...table(
      ["target", "measured", "met"],
      [
        ["cold `plan -- prod` at most 1.3x the floor", fmtRatio(c.prod.vsFloor), verdict(c.prod.vsFloor, 1.3)],
        // The plan skips a load the floor pays (util/defer-typescript.ts): judged against a floor that
        // skips it too, the ratio shows what the program itself costs.
        ...(c.floorDeferred
          ? [
              [
                "the same against the floor given the plan's TypeScript deferral",
                fmtRatio(ratio(c.prod.medianMs, c.floorDeferred.medianMs)),
                verdict(ratio(c.prod.medianMs, c.floorDeferred.medianMs), 1.3),
              ],
            ]
          : []),
        [
          "N=1,000 time at most 1.5x the SDK-only program",
          fmtRatio(s1000?.timeVsSdk ?? null),
          verdict(s1000?.timeVsSdk ?? null, 1.5),
        ],
        [
          "N=1,000 peak memory at most 1.5x the SDK-only program",
          fmtRatio(s1000?.memoryVsSdk ?? null),
          verdict(s1000?.memoryVsSdk ?? null, 1.5),
        ],
        [
          "growth N=100 to 1,000 at most 10.5x",
          fmtRatio(r.growth100to1000.program),
          verdict(r.growth100to1000.program, 10.5),
        ],
        [
          "`test:unit` + `test:policy` under 20 s",
          fmtMs(r.suites?.unitPlusPolicyMs),
          r.suites?.unitPlusPolicyMs == null ? "n/a" : r.suites.unitPlusPolicyMs < 20_000 ? "yes" : "no",
        ],
        [
          "at least 4 flows/s at concurrency 10",
          login10?.flowsPerS == null ? "n/a" : `${login10.flowsPerS} flows/s`,
          login10?.flowsPerS == null ? "n/a" : login10.flowsPerS >= 4 ? "yes" : "no",
        ],
      ],
    ),
    "",
    `### Cold plan (median of ${c.floor.samplesMs.length} whole processes)`,
    "",
    ...table(
      ["process", "median", "vs floor", "peak memory", "samples (ms)"],
      [
        [
          "floor (bench/floor.js)",
          fmtMs(c.floor.medianMs),
          "1.00x",
          fmtMb(c.floor.maxRssKb),
          c.floor.samplesMs.join(", "),
        ],
        [
          "`npm run plan -- dev --json`",
          fmtMs(c.dev.medianMs),
          fmtRatio(c.dev.vsFloor),
          fmtMb(c.dev.maxRssKb),
          c.dev.samplesMs.join(", "),
        ],
        [
          "`npm run plan -- prod --json`",
          fmtMs(c.prod.medianMs),
          fmtRatio(c.prod.vsFloor),
          fmtMb(c.prod.maxRssKb),
          c.prod.samplesMs.join(", "),
        ],
        // Results from before these were measured lack them.
        ...(
          [
            ["floor with the SDK's TypeScript load deferred, as the plan does", c.floorDeferred],
            ["`plan -- prod --json` right after an edit (bundle rebuilt first)", c.prodRebuilt],
            ["`plan -- prod --json` through the TypeScript loader (before the bundle)", c.prodLoader],
          ] as const
        ).flatMap(([label, x]) =>
          x ? [[label, fmtMs(x.medianMs), fmtRatio(x.vsFloor), fmtMb(x.maxRssKb), x.samplesMs.join(", ")]] : [],
        ),
      ],
    ),
    "",
    "### Scaling: N groups, N web clients, N OIDC providers (plan, policy pack included) vs the SDK alone creating the same 3N resources",
    "",
    ...table(
      [
        "N",
        "resources planned",
        "program",
        "SDK-only",
        "time vs SDK",
        "program memory",
        "SDK-only memory",
        "memory vs SDK",
        "runs",
      ],
      r.scaling.map((s) => [
        String(s.n),
        String(s.resources),
        fmtMs(s.program.medianMs),
        fmtMs(s.sdkOnly.medianMs),
        fmtRatio(s.timeVsSdk),
        fmtMb(s.program.maxRssKb),
        fmtMb(s.sdkOnly.maxRssKb),
        fmtRatio(s.memoryVsSdk),
        String(s.program.samplesMs.length),
      ]),
    ),
    "",
    `Growth from N=100 to N=1,000: program ${fmtRatio(r.growth100to1000.program)}, SDK-only ${fmtRatio(r.growth100to1000.sdkOnly)}.`,
  ];
  if (r.suites) {
    out.push(
      "",
      "### Test suites (one run each, wall time of `npm run <script>`)",
      "",
      ...table(
        ["suite", "wall", "passing", "exit"],
        [
          [
            "test:unit",
            fmtMs(r.suites.unit.wallMs),
            String(r.suites.unit.passing ?? "n/a"),
            String(r.suites.unit.exit),
          ],
          [
            "test:policy",
            fmtMs(r.suites.policy.wallMs),
            String(r.suites.policy.passing ?? "n/a"),
            String(r.suites.policy.exit),
          ],
        ],
      ),
    );
  }
  const login = r.login;
  if (login) {
    const stepNames = [...new Set(login.flatMap((l) => l.steps.map((s) => s.step)))];
    // Runs from before the emulator's CPU was read lack it.
    const cpu = login.some((l) => l.emulatorCpuS != null);
    const cell = (steps: StepRow[], name: string) => {
      const s = steps.find((x) => x.step === name);
      return s ? `${s.p50} / ${s.p95}` : "";
    };
    out.push(
      "",
      "### Login flow on the emulator (moto), dev stack",
      "",
      ...table(
        ["concurrency", "users", "passed", "load wall", "flows/s", ...(cpu ? ["moto CPU", "check CPU"] : []), "exit"],
        login.map((l) => [
          String(l.concurrency),
          String(l.users),
          String(l.passed),
          l.loadWallS === null ? "n/a" : `${l.loadWallS} s`,
          String(l.flowsPerS ?? "n/a"),
          ...(cpu ? [l.emulatorCpuS, l.checkCpuS].map((x) => (x == null ? "n/a" : `${x.toFixed(1)} s`)) : []),
          String(l.exit),
        ]),
      ),
      ...(cpu
        ? [
            "",
            "moto CPU and check CPU: CPU seconds the emulator's process and the check's own process used over the check (both cores count).",
          ]
        : []),
      "",
      "Per step, p50 / p95 in ms:",
      "",
      ...table(
        ["step", ...login.map((l) => `concurrency ${l.concurrency}`)],
        stepNames.map((n) => [n, ...login.map((l) => cell(l.steps, n))]),
      ),
    );
  }
  return out.join("\n");
}
