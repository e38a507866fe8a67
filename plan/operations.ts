import type { OperationsOutput } from "../outputs/stack-outputs";

const LABELS: Record<keyof OperationsOutput, string> = {
  webAclArn: "web ACL",
  wafLogGroupName: "WAF log group",
  authEventLogGroupName: "auth event log group",
  dashboardUrl: "dashboard",
  alarmTopicArn: "alarm topic",
};

/** The plan table's "Operations" lines: where an operator looks once the stack is up; none when all is off. */
export function formatOperations(outputs: Record<string, unknown>): string[] {
  const ops = outputs.operations as OperationsOutput | undefined;
  if (!ops || typeof ops !== "object") return [];
  const rows = (Object.keys(LABELS) as Array<keyof OperationsOutput>)
    .filter((k) => typeof ops[k] === "string")
    .map((k) => `  ${LABELS[k].padEnd(20)}  ${ops[k]}`);
  return rows.length > 0 ? ["", "Operations (stack output `operations`):", ...rows] : [];
}
