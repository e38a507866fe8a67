/**
 * The stack outputs an application (and the login-flow check) reads: what
 * `pulumi stack output --json --show-secrets` prints for this program.
 */
export interface StackOutputs {
  /** Stack name. */
  stack: string;
  /** `dev`, `prod`: the preset the stack was built from. */
  environment: string;
  region: string;
  userPoolId: string;
  userPoolArn: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` */
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
  /** App clients by config name. */
  clients: Record<string, ClientOutput>;
  /** Seed users by username (non-prod stacks only). Passwords are secret outputs. */
  seedUsers: Record<string, SeedUserOutput>;
  /** Identity pool id, when the stack has one. */
  identityPoolId?: string;
  /** Amplify Gen 2 `amplify_outputs.json` shape (`version` and `auth`), loadable by `Amplify.configure`. */
  appConfig: Record<string, unknown>;
}

export interface ClientOutput {
  clientId: string;
  /** `web`, `server`, `machine` or `native`. */
  kind: string;
  /** Present only for confidential clients; a secret output. */
  clientSecret?: string;
  /** `ALLOW_USER_SRP_AUTH`, ... as configured. */
  explicitAuthFlows: string[];
  allowedOauthFlows: string[];
  allowedOauthScopes: string[];
  callbackUrls: string[];
  logoutUrls: string[];
  /** Hosted-UI authorize URL with this client's id and first callback; absent without a domain or code flow. */
  loginUrl?: string;
  /** Hosted-UI logout URL; absent without a domain or logout URLs. */
  logoutUrl?: string;
}

export interface SeedUserOutput {
  username: string;
  /** Temporary password (a secret output); the user must change it at first sign-in. */
  temporaryPassword: string;
  groups: string[];
}
