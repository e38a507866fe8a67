import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resolveScope, resourceServersUsed } from "../config/client-scopes";
import { signsInUsers } from "../config/presets/client-kinds";
import type { ClientConfig, ResourceServerConfig } from "../config/schema/clients";
import type { ResourceServers } from "./resource-server";
import { applyTransform, type Transform } from "./transform";
import type { IdentityProviders } from "./user-pool-idps";

export interface CognitoUserPoolClientArgs {
  /** The client's config key; also its name unless `client.name` is set. */
  key: string;
  /** The client's merged config (kind defaults + preset + stack), already validated (config/validation/clients.ts). */
  client: ClientConfig;
  /** The pool the client belongs to. */
  userPoolId: pulumi.Input<string>;
  /** Servers whose scopes the client may name; the client depends on the ones it uses. */
  resourceServers: ResourceServers;
  /** `resourceServers` from the stack config, to turn `<key>/<scope>` into `<identifier>/<scope>`. */
  resourceServerConfig: Record<string, ResourceServerConfig>;
  /** Providers the client may list; the client depends on the ones it uses. */
  identityProviders: IdentityProviders;
  /** Hosted-UI base URL, for the ready login and logout URLs. @default no URLs */
  hostedUiBaseUrl?: pulumi.Output<string>;
  /** Change the client's args or options. @default none */
  transform?: { client?: Transform<aws.cognito.UserPoolClientArgs> };
}

const nonEmpty = <T>(xs: T[] | undefined): T[] | undefined => (xs && xs.length > 0 ? xs : undefined);

/** A client's settings with this component's defaults applied: what Cognito ends up with, and what the stack outputs report. */
export interface ResolvedClientSettings {
  kind: ClientConfig["kind"];
  explicitAuthFlows: NonNullable<ClientConfig["explicitAuthFlows"]>;
  allowedOauthFlows: NonNullable<ClientConfig["allowedOauthFlows"]>;
  /** As Cognito knows them (`<identifier>/<scope>` for resource-server scopes); empty without OAuth flows. */
  allowedOauthScopes: string[];
  callbackUrls: string[];
  logoutUrls: string[];
  preventUserExistenceErrors: NonNullable<ClientConfig["preventUserExistenceErrors"]>;
  readAttributes: string[];
}

/**
 * One app client. Its kind's secure defaults are merged in by config/load.ts; this maps every key
 * to the `aws.cognito.UserPoolClient` args. The secret, when there is one, is a Pulumi secret.
 */
export class CognitoUserPoolClient extends pulumi.ComponentResource {
  readonly client: aws.cognito.UserPoolClient;
  readonly clientId: pulumi.Output<string>;
  /** Only for clients with `generateSecret`; a secret output. */
  readonly clientSecret?: pulumi.Output<string>;
  /** The client's settings after defaults (plain values, known before deployment). */
  readonly resolved: ResolvedClientSettings;
  /** Hosted-UI authorize URL (code flow, first callback); needs a domain. */
  readonly loginUrl?: pulumi.Output<string>;
  /** Hosted-UI logout URL (first logout URL); needs a domain. */
  readonly logoutUrl?: pulumi.Output<string>;

  constructor(name: string, args: CognitoUserPoolClientArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoUserPoolClient", name, {}, opts);
    const c = args.client;
    const flows = c.allowedOauthFlows ?? [];
    const oauth = flows.length > 0;
    const scopeConfig = oauth ? (c.allowedOauthScopes ?? []) : [];
    const r: ResolvedClientSettings = {
      kind: c.kind,
      explicitAuthFlows: c.explicitAuthFlows ?? [],
      allowedOauthFlows: flows,
      allowedOauthScopes: scopeConfig.map((s) => resolveScope(s, args.resourceServerConfig)),
      callbackUrls: c.callbackUrls ?? [],
      logoutUrls: c.logoutUrls ?? [],
      preventUserExistenceErrors: c.preventUserExistenceErrors ?? "ENABLED",
      readAttributes: c.readAttributes ?? [],
    };
    this.resolved = r;
    const callbacks = r.callbackUrls;
    const logouts = r.logoutUrls;

    const providerKeys = c.identityProviders ?? [];
    const providers = providerKeys.flatMap((k) =>
      Object.hasOwn(args.identityProviders.providers, k) ? [args.identityProviders.providers[k]] : [],
    );
    const servers = resourceServersUsed(scopeConfig, args.resourceServerConfig).flatMap((k) =>
      Object.hasOwn(args.resourceServers.servers, k) ? [args.resourceServers.servers[k]] : [],
    );
    const providerNames: pulumi.Input<string>[] = providerKeys.map((k) =>
      Object.hasOwn(args.identityProviders.providers, k) ? args.identityProviders.providers[k].providerName : k,
    );

    const clientArgs: aws.cognito.UserPoolClientArgs = {
      userPoolId: args.userPoolId,
      name: c.name ?? args.key,
      generateSecret: c.generateSecret ?? false,
      explicitAuthFlows: c.explicitAuthFlows,
      allowedOauthFlowsUserPoolClient: oauth,
      allowedOauthFlows: nonEmpty(flows),
      allowedOauthScopes: nonEmpty(r.allowedOauthScopes),
      callbackUrls: nonEmpty(callbacks),
      logoutUrls: nonEmpty(logouts),
      defaultRedirectUri: c.defaultRedirectUri ?? callbacks[0],
      supportedIdentityProviders: nonEmpty([...(c.includeCognito === false ? [] : ["COGNITO"]), ...providerNames]),
      accessTokenValidity: c.accessTokenValidity,
      idTokenValidity: c.idTokenValidity,
      refreshTokenValidity: c.refreshTokenValidity,
      tokenValidityUnits: c.tokenValidityUnits,
      authSessionValidity: c.authSessionValidity,
      readAttributes: nonEmpty(r.readAttributes),
      writeAttributes: nonEmpty(c.writeAttributes),
      preventUserExistenceErrors: r.preventUserExistenceErrors,
      enableTokenRevocation: c.enableTokenRevocation ?? true,
      enablePropagateAdditionalUserContextData: c.enablePropagateAdditionalUserContextData,
      refreshTokenRotation: c.refreshTokenRotation,
    };
    // Cognito refuses a client naming a provider or scope that does not exist yet; the names are
    // plain strings, so the order has to be stated.
    this.client = new aws.cognito.UserPoolClient(
      ...applyTransform(args.transform?.client, name, clientArgs, {
        parent: this,
        dependsOn: [...providers, ...servers],
        additionalSecretOutputs: ["clientSecret"],
      }),
    );
    this.clientId = this.client.id;
    if (c.generateSecret) this.clientSecret = pulumi.secret(this.client.clientSecret);

    const base = args.hostedUiBaseUrl;
    if (base && flows.includes("code") && callbacks.length > 0 && signsInUsers(c)) {
      const query = `response_type=code&scope=${encodeURIComponent(r.allowedOauthScopes.join(" "))}&redirect_uri=${encodeURIComponent(callbacks[0])}`;
      this.loginUrl = pulumi.interpolate`${base}/oauth2/authorize?client_id=${this.clientId}&${query}`;
    }
    if (base && logouts.length > 0) {
      this.logoutUrl = pulumi.interpolate`${base}/logout?client_id=${this.clientId}&logout_uri=${encodeURIComponent(logouts[0])}`;
    }
    this.registerOutputs({
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      loginUrl: this.loginUrl,
      logoutUrl: this.logoutUrl,
    });
  }
}
