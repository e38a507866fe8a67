import type { ClientConfig, ResourceServerConfig } from "../schema/clients";
import type { DomainConfig } from "../schema/domain";
import { resolveScope, resourceServersUsed } from "./scopes";

export type ClientKind = ClientConfig["kind"];

/** Kinds that hold no secret (they run on users' devices). */
export const PUBLIC_KINDS: readonly ClientKind[] = ["web", "native"];

/** Whether users sign in through this client's hosted UI (code or implicit flow), as opposed to a machine client. */
export function signsInUsers(client: Pick<ClientConfig, "allowedOauthFlows">): boolean {
  return (client.allowedOauthFlows ?? []).some((f) => f === "code" || f === "implicit");
}

/** A managed-login style for one client. */
export interface BrandingModel {
  /** Branding settings JSON as the API takes it. */
  settings?: string;
  /** Cognito's provided style; set exactly when `settings` is not. */
  useCognitoProvidedValues?: boolean;
}

/** One app client with its kind's defaults and every fact derived from it. */
export interface ClientModel {
  /** The config key. */
  key: string;
  kind: ClientKind;
  /** Client name shown in the console. */
  name: string;
  generateSecret: boolean;
  /** Runs on users' devices and holds no secret. */
  isPublic: boolean;
  /** Users sign in through the hosted UI (code or implicit flow). */
  signsInUsers: boolean;
  explicitAuthFlows: NonNullable<ClientConfig["explicitAuthFlows"]>;
  allowedOauthFlows: NonNullable<ClientConfig["allowedOauthFlows"]>;
  /** As Cognito knows them (`<identifier>/<scope>` for resource-server scopes); empty without OAuth flows. */
  allowedOauthScopes: string[];
  /** Keys of the resource servers whose scopes the client uses. */
  resourceServerKeys: string[];
  callbackUrls: string[];
  logoutUrls: string[];
  /** `defaultRedirectUri`, else the first callback URL. */
  defaultRedirectUri?: string;
  /** Keys (= provider names) of the identity providers the client lists. */
  identityProviderKeys: string[];
  /** `COGNITO` unless `includeCognito` is false, then the listed providers. */
  supportedIdentityProviders: string[];
  accessTokenValidity?: number;
  idTokenValidity?: number;
  refreshTokenValidity?: number;
  tokenValidityUnits?: ClientConfig["tokenValidityUnits"];
  authSessionValidity?: number;
  readAttributes: string[];
  writeAttributes: string[];
  preventUserExistenceErrors: NonNullable<ClientConfig["preventUserExistenceErrors"]>;
  enableTokenRevocation: boolean;
  enablePropagateAdditionalUserContextData?: boolean;
  refreshTokenRotation?: ClientConfig["refreshTokenRotation"];
  /**
   * The client's managed-login style: every client that signs users in through a version 2 domain
   * gets one (styles belong to clients, not the pool, and a client without one has no login page).
   */
  branding?: BrandingModel;
}

/** The style a client gets from `domain.branding`, or none without managed login. */
function brandingFor(c: ClientConfig, domain: DomainConfig): BrandingModel | undefined {
  if (!domain.enabled || domain.managedLoginVersion !== 2 || !signsInUsers(c)) return undefined;
  const b = domain.branding;
  if (b?.settings) return { settings: JSON.stringify(b.settings) };
  return { useCognitoProvidedValues: b?.useCognitoProvidedValues ?? true };
}

/** A client (kind defaults already merged under it by config/load.ts) with every default applied. */
export function resolveClient(
  key: string,
  c: ClientConfig,
  servers: Record<string, ResourceServerConfig>,
  domain: DomainConfig,
): ClientModel {
  const flows = c.allowedOauthFlows ?? [];
  const scopes = flows.length > 0 ? (c.allowedOauthScopes ?? []) : [];
  const callbackUrls = c.callbackUrls ?? [];
  const providers = c.identityProviders ?? [];
  const generateSecret = c.generateSecret ?? false;
  return {
    key,
    kind: c.kind,
    name: c.name ?? key,
    generateSecret,
    isPublic: PUBLIC_KINDS.includes(c.kind) && !generateSecret,
    signsInUsers: signsInUsers(c),
    explicitAuthFlows: c.explicitAuthFlows ?? [],
    allowedOauthFlows: flows,
    allowedOauthScopes: scopes.map((s) => resolveScope(s, servers)),
    resourceServerKeys: resourceServersUsed(scopes, servers),
    callbackUrls,
    logoutUrls: c.logoutUrls ?? [],
    defaultRedirectUri: c.defaultRedirectUri ?? callbackUrls[0],
    identityProviderKeys: providers,
    supportedIdentityProviders: [...(c.includeCognito === false ? [] : ["COGNITO"]), ...providers],
    accessTokenValidity: c.accessTokenValidity,
    idTokenValidity: c.idTokenValidity,
    refreshTokenValidity: c.refreshTokenValidity,
    tokenValidityUnits: c.tokenValidityUnits,
    authSessionValidity: c.authSessionValidity,
    readAttributes: c.readAttributes ?? [],
    writeAttributes: c.writeAttributes ?? [],
    preventUserExistenceErrors: c.preventUserExistenceErrors ?? "ENABLED",
    enableTokenRevocation: c.enableTokenRevocation ?? true,
    enablePropagateAdditionalUserContextData: c.enablePropagateAdditionalUserContextData,
    refreshTokenRotation: c.refreshTokenRotation,
    branding: brandingFor(c, domain),
  };
}

/** The `web` client, else the first public client: the one a browser or app front end uses. */
export function appClientKey(clients: Record<string, ClientModel>): string | undefined {
  const keys = Object.keys(clients);
  return keys.includes("web") && clients.web.isPublic ? "web" : keys.find((k) => clients[k].isPublic);
}
