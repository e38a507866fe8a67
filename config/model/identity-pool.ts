import type { IdentityPoolConfig } from "../schema/identity-pool";
import type { ClientModel } from "./clients";

export type { PolicyStatement } from "../schema/identity-pool";

/** Client kinds the identity pool accepts by default: the ones whose users sign in in the app itself. */
const DEFAULT_KINDS: ReadonlyArray<ClientModel["kind"]> = ["web", "native"];

/** The client keys whose tokens the identity pool accepts: `identityPool.clients`, or every web and native client. */
export function identityPoolClientKeys(
  pool: Pick<IdentityPoolConfig, "clients">,
  clients: Record<string, Pick<ClientModel, "kind">>,
): string[] {
  return pool.clients ?? Object.keys(clients).filter((k) => DEFAULT_KINDS.includes(clients[k].kind));
}

export type IdentityPoolModel = Omit<IdentityPoolConfig, "clients"> & {
  /** Keys of the app clients whose tokens the identity pool accepts. */
  clientKeys: string[];
};

export function resolveIdentityPool(
  p: IdentityPoolConfig,
  clients: Record<string, Pick<ClientModel, "kind">>,
): IdentityPoolModel {
  const { clients: _, ...rest } = p;
  return { ...rest, clientKeys: identityPoolClientKeys(p, clients) };
}
