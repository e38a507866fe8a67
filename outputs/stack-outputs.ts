/**
 * The stack outputs an application (and the login-flow check) reads: what
 * `pulumi stack output --json --show-secrets` prints for this program. Only `clientSecrets` and
 * `seedUserPasswords` are secret outputs, so a StackReference reads everything else as plain values.
 * outputs/README.md is this contract as a table.
 */
export interface StackOutputs {
  /** Stack name. */
  stack: string;
  /** `dev`, `prod`: the preset the stack was built from. */
  environment: string;
  region: string;
  userPoolId: string;
  userPoolArn: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`; with replication `https://issuer-cognito-idp.<region>.amazonaws.com/<poolId>` */
  issuer: string;
  /** `<issuer>/.well-known/jwks.json` */
  jwksUri: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` or `https://<custom domain>`; absent without a domain. */
  hostedUiBaseUrl?: string;
  /** MFA mode of the pool: OFF, OPTIONAL or ON. */
  mfaConfiguration: "OFF" | "OPTIONAL" | "ON";
  /** The pool's password policy, so a client can check a password before sending it. */
  passwordPolicy: {
    minimumLength: number;
    requireLowercase: boolean;
    requireUppercase: boolean;
    requireNumbers: boolean;
    requireSymbols: boolean;
  };
  /** Custom attribute names, without the `custom:` prefix. */
  customAttributes: string[];
  /** Group names by precedence (lowest first). */
  groups: string[];
  /** App clients by config name. Plain: a client's secret is in `clientSecrets`. */
  clients: Record<string, ClientOutput>;
  /** A secret output: each confidential client's secret, by client key (public clients have none). */
  clientSecrets: Record<string, string>;
  /** Seed users by username (non-prod stacks only). Plain: their passwords are in `seedUserPasswords`. */
  seedUsers: Record<string, SeedUserOutput>;
  /** A secret output: each seed user's temporary password, by username; they must change it at first sign-in. */
  seedUserPasswords: Record<string, string>;
  /** What a SAML identity provider (Okta, Entra ID, ...) registers for this pool. */
  samlServiceProvider: SamlServiceProviderOutput;
  /**
   * `<hostedUiBaseUrl>/oauth2/idpresponse`: the redirect URI to register at Google, Facebook, Login
   * with Amazon, Apple and OIDC providers; absent without a domain.
   */
  oauthRedirectUri?: string;
  /** Resource servers by config key, with the scopes clients request. */
  resourceServers: Record<string, ResourceServerOutput>;
  /** The SES identity the pool sends email from; present only with DEVELOPER email. */
  sesIdentityArn?: string;
  /** The custom hosted-UI domain and the CloudFront target its DNS alias points at; absent without one. */
  customDomain?: CustomDomainOutput;
  /** Identity pool id, when the stack has one. */
  identityPoolId?: string;
  /** Multi-Region replication, when the stack has it. */
  replication?: ReplicationOutput;
  /** WAF, auth event logs, alarms and dashboard (README "Operations"); absent when all are off. */
  operations?: OperationsOutput;
  /** The protected HTTP API, when the stack has one. */
  api?: ApiOutput;
  /** The built trigger functions (`triggers.functions`) and what the login check needs to test them; absent without any. */
  triggerFunctions?: TriggerFunctionsOutput;
  /** Amplify Gen 2 `amplify_outputs.json` shape (`version` and `auth`), loadable by `Amplify.configure`. */
  appConfig: AppConfig;
}

export interface ClientOutput {
  clientId: string;
  /** `web`, `server`, `machine` or `native`. */
  kind: string;
  /** A confidential client: its secret is `clientSecrets[<key>]`, and each call needs a SECRET_HASH. */
  generateSecret: boolean;
  /** `ALLOW_USER_SRP_AUTH`, ... as configured. */
  explicitAuthFlows: string[];
  allowedOauthFlows: string[];
  allowedOauthScopes: string[];
  callbackUrls: string[];
  logoutUrls: string[];
  /** `ENABLED`: an unknown user gets the same answer as a wrong password; `LEGACY`: UserNotFoundException. */
  preventUserExistenceErrors: "ENABLED" | "LEGACY";
  /** Attributes the client may read (`email`, `custom:tier` ...); empty means all of them (Cognito's default). */
  readAttributes: string[];
  /** Hosted-UI authorize URL with this client's id and first callback; absent without a domain or code flow. */
  loginUrl?: string;
  /** Hosted-UI logout URL; absent without a domain or logout URLs. */
  logoutUrl?: string;
}

export interface SeedUserOutput {
  username: string;
  groups: string[];
}

export interface SamlServiceProviderOutput {
  /** `urn:amazon:cognito:sp:<poolId>`: the SP entity id (audience) the IdP's assertions name. */
  entityId: string;
  /** `<hostedUiBaseUrl>/saml2/idpresponse`: the assertion consumer service (reply) URL; absent without a domain. */
  acsUrl?: string;
}

export interface ResourceServerOutput {
  /** The server's identifier (usually its URL): the access token's audience prefix for its scopes. */
  identifier: string;
  /** Full scope names as clients request them and access tokens carry them: `<identifier>/<scope>`. */
  scopes: string[];
}

export interface CustomDomainOutput {
  /** The custom domain, e.g. `auth.example.com`. */
  domainName: string;
  /** `dxxxx.cloudfront.net`: the target of the domain's alias (A/AAAA) or CNAME record. */
  cloudfrontDistribution: string;
  /** CloudFront's hosted zone id (`Z2FDTNDATAQYW2`), for a Route 53 alias record. */
  cloudfrontZoneId: string;
}

/**
 * Amplify Gen 2 `amplify_outputs.json` (field names as @aws-amplify/core's AmplifyOutputsAuthProperties).
 * `auth` is absent when the stack has no public (web or native) client.
 */
export interface AppConfig {
  version: string;
  auth?: {
    aws_region: string;
    user_pool_id: string;
    /** The `web` client, else the first public client. */
    user_pool_client_id: string;
    identity_pool_id?: string;
    password_policy: {
      min_length: number;
      require_lowercase: boolean;
      require_numbers: boolean;
      require_symbols: boolean;
      require_uppercase: boolean;
    };
    /** Present when the stack has a domain and the client uses the code flow. */
    oauth?: {
      /** GOOGLE, FACEBOOK, LOGIN_WITH_AMAZON, SIGN_IN_WITH_APPLE (SAML and OIDC are named at sign-in). */
      identity_providers: string[];
      /** Hosted-UI host, without `https://`. */
      domain: string;
      scopes: string[];
      redirect_sign_in_uri: string[];
      redirect_sign_out_uri: string[];
      response_type: "code";
    };
    username_attributes: string[];
    standard_required_attributes: string[];
    user_verification_types: string[];
    unauthenticated_identities_enabled: boolean;
    mfa_configuration: "NONE" | "OPTIONAL" | "REQUIRED";
    mfa_methods: string[];
    /** One `{ <group>: { precedence } }` per group, lowest precedence first. */
    groups: Array<Record<string, { precedence: number }>>;
  };
}

/** Where a replica region serves the pool (README "Multi-Region replication", failover runbook). */
export interface ReplicaRegionOutput {
  region: string;
  /** `ACTIVE` (takes end-user requests) or `INACTIVE`. */
  status: "ACTIVE" | "INACTIVE";
  /** The Cognito API endpoint apps and SDKs call in this region during failover. */
  endpoint: string;
  /** The tokens' `iss`: the multi-Region issuer, the same in every region. */
  issuer: string;
  /** The signing keys as this region serves them. */
  jwksUri: string;
  /** Hosted UI in this region; absent: the stack creates no domain for a replica (README). */
  hostedUiBaseUrl?: string;
}

export interface ReplicationOutput {
  /** The customer-managed multi-Region key that encrypts the pool. */
  kmsKeyArn: string;
  /** By region. */
  regions: Record<string, ReplicaRegionOutput>;
}

/** What an operator opens: each key present only when its feature is on. */
export interface OperationsOutput {
  /** The web ACL in front of the pool (`waf.enabled`). */
  webAclArn?: string;
  /** The `aws-waf-logs-` log group (`waf.logging`). */
  wafLogGroupName?: string;
  /** The log group Cognito exports user-notification errors and auth events to (`authEventLogs.enabled`). */
  authEventLogGroupName?: string;
  /** The CloudWatch console URL of the stack's dashboard (`monitoring.enabled`). */
  dashboardUrl?: string;
  /** The SNS topic the alarms notify; subscribe to it (`monitoring.enabled`). */
  alarmTopicArn?: string;
}

export interface ApiOutput {
  /** `https://<api id>.execute-api.<region>.amazonaws.com` (the `$default` stage). */
  url: string;
  /** Route keys (`GET /me`, `GET /admin`). */
  routes: string[];
  /** Scopes every route requires, `<identifier>/<scope>`. */
  scopes: string[];
  /** The group `GET /admin` requires. */
  adminGroup: string;
}

/** What the built trigger functions do, as far as a client (and the login check) can observe it. */
export interface TriggerFunctionsOutput {
  /** Built functions by trigger: `preSignUp`, `postConfirmation`, `preTokenGeneration`, `customChallenge` (the three challenge functions). */
  names: string[];
  /** postConfirmation: email domain to the group a new user joins (`*` for every other domain). */
  groupsByDomain?: Record<string, string>;
  /** preTokenGeneration: group to the scopes (`<identifier>/<scope>`) its members' access tokens get. */
  groupScopes?: Record<string, string[]>;
  /** customChallenge: the clients (keys of `clients`) that sign in with the one-time code. */
  customChallengeClients?: string[];
}
