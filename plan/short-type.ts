/** `aws:cognito/userPool:UserPool` -> `cognito:UserPool`, `random:index/randomId:RandomId` -> `random:RandomId`. */
export function shortType(type: string): string {
  const [pkg, mod = "", name = type] = type.split(":");
  return `${pkg === "cognito-auth" ? "component" : pkg === "aws" ? mod.split("/")[0] : pkg}:${name}`;
}

/** A value for a one-line display, cut to `max` characters. */
export function showValue(v: unknown, max = 60): string {
  const s = v === undefined ? "(none)" : typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}
