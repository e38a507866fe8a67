import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ClientModel } from "../config/model";
import type { IdentityProviders } from "./identity-providers";
import type { ResourceServers } from "./resource-server";
import { applyTransform, type Transform } from "./transform";
import type { CognitoUserPoolDomain } from "./user-pool-domain";

export interface CognitoUserPoolClientArgs {
  /** The client from the model: kind defaults, preset and stack merged, validated, every default applied. */
  client: ClientModel;
  /** The pool the client belongs to. */
  userPoolId: pulumi.Input<string>;
  /** Servers whose scopes the client may name; the client depends on the ones it uses. */
  resourceServers: ResourceServers;
  /** Providers the client may list; the client depends on the ones it uses. */
  identityProviders: IdentityProviders;
  /** The hosted-UI domain, for the login and logout URLs and the managed-login style. @default no URLs, no style */
  domain?: CognitoUserPoolDomain;
  /**
   * Protect the client (Pulumi `protect`): a renamed or removed client key, or a change Cognito can
   * only make by replacing it (`generateSecret`), then fails `pulumi preview` instead of handing every
   * app a new client id. The managed-login style is not protected; it can be recreated. @default false
   */
  protect?: boolean;
  /** Change any child's args or options. @default none */
  transform?: {
    client?: Transform<aws.cognito.UserPoolClientArgs>;
    branding?: Transform<aws.cognito.ManagedLoginBrandingArgs>;
  };
}

const nonEmpty = <T>(xs: T[] | undefined): T[] | undefined => (xs && xs.length > 0 ? xs : undefined);

/**
 * One app client, mapped from the model to the `aws.cognito.UserPoolClient` args, with its
 * managed-login style when it signs users in through a version 2 domain. The secret, when there is
 * one, is a Pulumi secret.
 */
export class CognitoUserPoolClient extends pulumi.ComponentResource {
  readonly client: aws.cognito.UserPoolClient;
  readonly clientId: pulumi.Output<string>;
  /** Only for clients with `generateSecret`; a secret output. */
  readonly clientSecret?: pulumi.Output<string>;
  /** Hosted-UI authorize URL (code flow, first callback); needs a domain. */
  readonly loginUrl?: pulumi.Output<string>;
  /** Hosted-UI logout URL (first logout URL); needs a domain. */
  readonly logoutUrl?: pulumi.Output<string>;
  /** The client's managed-login style (see ClientModel.branding). */
  readonly branding?: aws.cognito.ManagedLoginBranding;

  constructor(name: string, args: CognitoUserPoolClientArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoUserPoolClient", name, {}, opts);
    const c = args.client;
    const t = args.transform ?? {};
    const pick = <T>(all: Record<string, T>, keys: string[]): T[] =>
      keys.flatMap((k) => (Object.hasOwn(all, k) ? [all[k]] : []));

    const clientArgs: aws.cognito.UserPoolClientArgs = {
      userPoolId: args.userPoolId,
      name: c.name,
      generateSecret: c.generateSecret,
      explicitAuthFlows: c.explicitAuthFlows,
      allowedOauthFlowsUserPoolClient: c.allowedOauthFlows.length > 0,
      allowedOauthFlows: nonEmpty(c.allowedOauthFlows),
      allowedOauthScopes: nonEmpty(c.allowedOauthScopes),
      callbackUrls: nonEmpty(c.callbackUrls),
      logoutUrls: nonEmpty(c.logoutUrls),
      defaultRedirectUri: c.defaultRedirectUri,
      supportedIdentityProviders: nonEmpty(c.supportedIdentityProviders),
      accessTokenValidity: c.accessTokenValidity,
      idTokenValidity: c.idTokenValidity,
      refreshTokenValidity: c.refreshTokenValidity,
      tokenValidityUnits: c.tokenValidityUnits,
      authSessionValidity: c.authSessionValidity,
      readAttributes: nonEmpty(c.readAttributes),
      writeAttributes: nonEmpty(c.writeAttributes),
      preventUserExistenceErrors: c.preventUserExistenceErrors,
      enableTokenRevocation: c.enableTokenRevocation,
      enablePropagateAdditionalUserContextData: c.enablePropagateAdditionalUserContextData,
      refreshTokenRotation: c.refreshTokenRotation,
    };
    // Cognito refuses a client naming a provider or scope that does not exist yet; the names are
    // plain strings, so the order has to be stated.
    this.client = new aws.cognito.UserPoolClient(
      ...applyTransform(t.client, name, clientArgs, {
        parent: this,
        dependsOn: [
          ...pick(args.identityProviders.providers, c.identityProviderKeys),
          ...pick(args.resourceServers.servers, c.resourceServerKeys),
        ],
        additionalSecretOutputs: ["clientSecret"],
        protect: args.protect === true,
      }),
    );
    this.clientId = this.client.id;
    if (c.generateSecret) this.clientSecret = pulumi.secret(this.client.clientSecret);

    const domain = args.domain;
    if (domain && c.allowedOauthFlows.includes("code") && c.callbackUrls.length > 0 && c.signsInUsers) {
      const query = `response_type=code&scope=${encodeURIComponent(c.allowedOauthScopes.join(" "))}&redirect_uri=${encodeURIComponent(c.callbackUrls[0])}`;
      this.loginUrl = pulumi.interpolate`${domain.baseUrl}/oauth2/authorize?client_id=${this.clientId}&${query}`;
    }
    if (domain && c.logoutUrls.length > 0) {
      this.logoutUrl = pulumi.interpolate`${domain.baseUrl}/logout?client_id=${this.clientId}&logout_uri=${encodeURIComponent(c.logoutUrls[0])}`;
    }
    if (domain && c.branding) {
      this.branding = new aws.cognito.ManagedLoginBranding(
        ...applyTransform(
          t.branding,
          `${name}-branding`,
          {
            userPoolId: args.userPoolId,
            clientId: this.clientId,
            settings: c.branding.settings,
            useCognitoProvidedValues: c.branding.useCognitoProvidedValues,
          },
          {
            parent: this,
            dependsOn: [domain.domain],
            // Styles used to be children of the domain component; the alias keeps existing ones in place.
            // By the domain's URN, not the component: the SDK resolves an alias as one output, and
            // an output holding a resource walks the whole resource graph, once per client.
            aliases: [{ name: `${domain.baseName}-branding-${c.key}`, parent: domain.urn }],
          },
        ),
      );
    }
    this.registerOutputs({
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      loginUrl: this.loginUrl,
      logoutUrl: this.logoutUrl,
    });
  }
}
