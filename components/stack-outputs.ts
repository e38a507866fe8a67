import * as pulumi from "@pulumi/pulumi";
import { builtFunctionNames, type ClientModel, type StackModel } from "../config/model";
import { dropUndefined } from "../util/objects";
import { appConfig } from "./app-config";

/** The built resources the outputs read; CognitoAuth hands them over. */
export interface StackOutputsInput {
  userPoolId: pulumi.Output<string>;
  userPoolArn: pulumi.Output<string>;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` or the custom domain; absent without a domain. */
  hostedUiBaseUrl?: pulumi.Output<string>;
  /** By client key. */
  clients: Record<
    string,
    {
      clientId: pulumi.Output<string>;
      clientSecret?: pulumi.Output<string>;
      loginUrl?: pulumi.Output<string>;
      logoutUrl?: pulumi.Output<string>;
    }
  >;
  /** Seed users' temporary passwords (secret), by username. */
  seedUserPasswords: Record<string, pulumi.Output<string>>;
  identityPoolId?: pulumi.Output<string>;
  /**
   * The SES identity ARN the pool sends email from (Messaging's `sourceArn`); DEVELOPER email only.
   * @default the model's `messaging.email.sourceArn` (set when the stack uses an existing identity)
   */
  sesIdentityArn?: pulumi.Output<string>;
  /** Replica regions' status by region, and the pool's key; absent without replication. */
  replication?: { kmsKeyArn: pulumi.Output<string>; status: Record<string, pulumi.Output<string | undefined>> };
  /** WAF, log groups, dashboard and alarm topic; keys absent when their feature is off. */
  operations?: {
    webAclArn?: pulumi.Output<string>;
    wafLogGroupName?: pulumi.Output<string>;
    authEventLogGroupName?: pulumi.Output<string>;
    dashboardUrl?: pulumi.Output<string>;
    alarmTopicArn?: pulumi.Output<string>;
  };
  /** The custom domain's CloudFront target (the UserPoolDomain's); the output is left out without it. */
  customDomainTarget?: {
    cloudfrontDistribution: pulumi.Output<string>;
    cloudfrontZoneId: pulumi.Output<string>;
  };
  /** The protected API's URL and route keys; absent without `api`. */
  api?: { url: pulumi.Output<string>; routes: string[] };
}

/** A client's settings as its output reports them: what Cognito ends up with. */
function clientSettings(c: ClientModel) {
  return {
    kind: c.kind,
    generateSecret: c.generateSecret,
    explicitAuthFlows: c.explicitAuthFlows,
    allowedOauthFlows: c.allowedOauthFlows,
    allowedOauthScopes: c.allowedOauthScopes,
    callbackUrls: c.callbackUrls,
    logoutUrls: c.logoutUrls,
    preventUserExistenceErrors: c.preventUserExistenceErrors,
    readAttributes: c.readAttributes,
  };
}

/**
 * The stack outputs (outputs/stack-outputs.ts, table in outputs/README.md): ids, endpoints,
 * per-client settings and URLs, what identity providers and DNS register, and the app config a
 * front end loads. Pulumi makes a whole top-level output secret when anything inside it is, so the
 * secrets (client secrets, seed passwords) are two outputs of their own and every other output
 * holds none: a StackReference reads client ids as plain values.
 */
export function buildStackOutputs(m: StackModel, built: StackOutputsInput) {
  const issuer = m.replication
    ? pulumi.interpolate`https://issuer-cognito-idp.${m.region}.amazonaws.com/${built.userPoolId}`
    : pulumi.interpolate`https://cognito-idp.${m.region}.amazonaws.com/${built.userPoolId}`;
  const replication = replicationOutput(m, built, issuer);
  const ops = built.operations && dropUndefined(built.operations);
  const operations = ops && Object.keys(ops).length > 0 ? ops : undefined;
  const pw = m.pool.passwordPolicy;
  const base = built.hostedUiBaseUrl;
  const sesIdentityArn = sesIdentity(m, built);
  const customDomain = customDomainOutput(m, built);
  return {
    stack: m.stack,
    environment: m.environment,
    region: m.region,
    userPoolId: built.userPoolId,
    userPoolArn: built.userPoolArn,
    issuer,
    jwksUri: pulumi.interpolate`${issuer}/.well-known/jwks.json`,
    hostedUiBaseUrl: built.hostedUiBaseUrl,
    mfaConfiguration: m.pool.mfaConfiguration,
    passwordPolicy: {
      minimumLength: pw.minimumLength,
      requireLowercase: pw.requireLowercase,
      requireUppercase: pw.requireUppercase,
      requireNumbers: pw.requireNumbers,
      requireSymbols: pw.requireSymbols,
    },
    customAttributes: m.pool.schemas.map((a) => a.name),
    groups: m.groupsByPrecedence.map(([g]) => g),
    clients: clientOutputs(m, built),
    clientSecrets: clientSecrets(built),
    seedUsers: seedUserOutputs(m, built.seedUserPasswords),
    seedUserPasswords: pulumi.secret(built.seedUserPasswords),
    samlServiceProvider: {
      entityId: pulumi.interpolate`urn:amazon:cognito:sp:${built.userPoolId}`,
      ...(base ? { acsUrl: pulumi.interpolate`${base}/saml2/idpresponse` } : {}),
    },
    ...(base ? { oauthRedirectUri: pulumi.interpolate`${base}/oauth2/idpresponse` } : {}),
    resourceServers: resourceServerOutputs(m),
    ...(sesIdentityArn ? { sesIdentityArn } : {}),
    ...(customDomain ? { customDomain } : {}),
    ...(built.identityPoolId ? { identityPoolId: built.identityPoolId } : {}),
    ...(replication ? { replication } : {}),
    ...(operations ? { operations } : {}),
    ...(built.api && m.api
      ? { api: { url: built.api.url, routes: built.api.routes, scopes: m.api.scopes, adminGroup: m.api.adminGroup } }
      : {}),
    ...(builtFunctionNames(m.triggerFunctions).length > 0 ? { triggerFunctions: triggerFunctionsOutput(m) } : {}),
    appConfig: appConfig(m, built),
  };
}

/** Which built functions the stack has, with the settings a client can observe (groups joined, scopes granted). */
function triggerFunctionsOutput(m: StackModel) {
  const f = m.triggerFunctions;
  return {
    names: builtFunctionNames(f),
    ...(f.postConfirmation ? { groupsByDomain: f.postConfirmation.groupsByDomain } : {}),
    ...(f.preTokenGeneration ? { groupScopes: f.preTokenGeneration.groupScopes } : {}),
    ...(f.customChallenge ? { customChallengeClients: f.customChallenge.clients } : {}),
  };
}

/** Absent URLs are left out rather than `undefined`; secrets are not here (clientSecrets). */
function clientOutputs(m: StackModel, built: StackOutputsInput) {
  return Object.fromEntries(
    Object.entries(built.clients).map(([key, client]) => [
      key,
      {
        clientId: client.clientId,
        ...clientSettings(m.clients[key]),
        ...dropUndefined({ loginUrl: client.loginUrl, logoutUrl: client.logoutUrl }),
      },
    ]),
  );
}

/** One secret output: the confidential clients' secrets by client key. */
function clientSecrets(built: StackOutputsInput) {
  return pulumi.secret(
    Object.fromEntries(
      Object.entries(built.clients).flatMap(([key, c]) => (c.clientSecret ? [[key, c.clientSecret]] : [])),
    ),
  );
}

/** Plain: the passwords are the secret output `seedUserPasswords`. */
function seedUserOutputs(m: StackModel, passwords: Record<string, pulumi.Output<string>>) {
  return Object.fromEntries(
    Object.keys(passwords).map((username) => [username, { username, groups: m.seedUsers[username]?.groups ?? [] }]),
  );
}

/** Scopes by their full name, as clients request them and access tokens carry them. */
function resourceServerOutputs(m: StackModel) {
  return Object.fromEntries(
    Object.entries(m.resourceServers).map(([key, s]) => [
      key,
      { identifier: s.identifier, scopes: s.scopes.map((sc) => `${s.identifier}/${sc.scopeName}`) },
    ]),
  );
}

function sesIdentity(m: StackModel, built: StackOutputsInput): pulumi.Output<string> | undefined {
  const e = m.messaging.email;
  if (e.emailSendingAccount !== "DEVELOPER") return undefined;
  return built.sesIdentityArn ?? (e.sourceArn ? pulumi.output(e.sourceArn) : undefined);
}

function customDomainOutput(m: StackModel, built: StackOutputsInput) {
  const custom = m.domain.enabled ? m.domain.customDomain : undefined;
  const target = built.customDomainTarget;
  if (!custom || !target || !built.hostedUiBaseUrl) return undefined;
  return {
    domainName: custom.domainName,
    cloudfrontDistribution: target.cloudfrontDistribution,
    cloudfrontZoneId: target.cloudfrontZoneId,
  };
}

/**
 * Per replica region: its API endpoint, the multi-Region issuer (the same `iss` everywhere) and the
 * JWKS as that region's issuer host serves it. No hosted-UI URL: the stack creates no domain for a
 * replica (domain failover routing has no CloudFormation or Pulumi resource yet).
 */
function replicationOutput(m: StackModel, built: StackOutputsInput, issuer: pulumi.Output<string>) {
  if (!m.replication || !built.replication) return undefined;
  const status = built.replication.status;
  return {
    kmsKeyArn: built.replication.kmsKeyArn,
    regions: Object.fromEntries(
      m.replication.replicas.map((r) => [
        r.region,
        {
          region: r.region,
          status: (status[r.region] ?? pulumi.output(r.status)).apply((s) => s ?? r.status),
          endpoint: `https://cognito-idp.${r.region}.amazonaws.com/`,
          issuer,
          jwksUri: pulumi.interpolate`https://issuer-cognito-idp.${r.region}.amazonaws.com/${built.userPoolId}/.well-known/jwks.json`,
        },
      ]),
    ),
  };
}
