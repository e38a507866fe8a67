// The scaling benchmark's per-N floor: the bare SDK creating the same 3N resources as a stack with
// N groups, N web clients and N OIDC providers (plus their pool), under mocks, with no config
// loading, validation, components or policy. `node bench/sdk-only.js <N>`. Plain JavaScript so no
// TypeScript loader is part of the floor.
const pulumi = require("@pulumi/pulumi");
const aws = require("@pulumi/aws");
const { runInPulumiStack } = require("@pulumi/pulumi/runtime/stack");
const settings = require("@pulumi/pulumi/runtime/settings");

const n = Number(process.argv[2] ?? "100");
let created = 0;
pulumi.runtime.setMocks(
  {
    newResource: (a) => {
      created++;
      return {
        id: `${a.name}-id`,
        state: { ...a.inputs, arn: `arn:aws:cognito-idp:us-east-1:123456789012:${a.name}` },
      };
    },
    call: () => ({}),
  },
  "cognito-auth",
  "bench",
  false,
);

async function program() {
  const pool = new aws.cognito.UserPool("pool", { name: "cognito-auth-bench", mfaConfiguration: "OPTIONAL" });
  for (let i = 0; i < n; i++) {
    const p = String(i).padStart(4, "0");
    new aws.cognito.UserGroup(`group-${p}`, { userPoolId: pool.id, name: `Group${p}`, precedence: i + 10 });
    const idp = new aws.cognito.IdentityProvider(`idp-${p}`, {
      userPoolId: pool.id,
      providerName: `Oidc${p}`,
      providerType: "OIDC",
      providerDetails: {
        client_id: `bench-client-${i}`,
        client_secret: pulumi.secret(`secret-${i}`),
        oidc_issuer: `https://idp${i}.example.com`,
        authorize_scopes: "openid email",
      },
      attributeMapping: { email: "email" },
    });
    new aws.cognito.UserPoolClient(
      `client-${p}`,
      {
        userPoolId: pool.id,
        name: `web${p}`,
        callbackUrls: [`http://localhost:${3000 + i}/auth/callback`],
        logoutUrls: [`http://localhost:${3000 + i}/`],
        allowedOauthFlows: ["code"],
        allowedOauthScopes: ["openid", "email", "profile"],
        allowedOauthFlowsUserPoolClient: true,
        supportedIdentityProviders: [idp.providerName],
        explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      },
      { dependsOn: [idp] },
    );
  }
  return { poolId: pool.id };
}

runInPulumiStack(program)
  .then(() => settings.waitForRPCs())
  .then(() => {
    process.stdout.write(`${JSON.stringify({ n, resources: created })}\n`);
  });
