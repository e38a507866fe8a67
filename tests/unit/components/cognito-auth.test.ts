import * as assert from "node:assert";
import * as path from "node:path";
import { CognitoAuth, type CognitoAuthTransforms } from "../../../components/cognito-auth";
import type { Transform } from "../../../components/transform";
import { loadConfig } from "../../../config/load";
import type { StackModel } from "../../../config/model";
import { engineConfigFromFiles, readStackFiles } from "../../../config/stack-file";
import { resourceKey } from "../../../offline/recorded-resource";
import type { RunResult } from "../../../offline/runner";
import { PROJECT_ROOT } from "../../../util/project-root";
import { load, recordingMocks, runStack, settled } from "../helpers";

describe("components/cognito-auth", () => {
  const runs: RunResult[] = [];
  before(async () => {
    runs.push(await runStack("dev"), await runStack("prod"));
  });

  it("creates no resource inside an apply or a promise callback", () => {
    for (const run of runs) assert.deepStrictEqual(run.createdLate, [], `stack ${run.stack}`);
  });

  it("parents every resource, directly or through components, to the one CognitoAuth component", () => {
    for (const run of runs) {
      const byKey = new Map(run.resources.map((r) => [resourceKey(r), r]));
      const roots = run.resources.filter((r) => r.parent === undefined);
      assert.deepStrictEqual(roots.map(resourceKey), ["cognito-auth:index:CognitoAuth::cognito"], `stack ${run.stack}`);
      for (const r of run.resources.filter((x) => x.custom)) {
        const parent = r.parent ? byKey.get(r.parent) : undefined;
        assert.ok(parent && !parent.custom, `${resourceKey(r)} has a component parent (got ${r.parent})`);
      }
    }
  });

  it("exports the outputs an application needs", () => {
    for (const run of runs) {
      const o = run.outputs;
      assert.match(String(o.userPoolId), /^us-east-1_/);
      assert.strictEqual(o.issuer, `https://cognito-idp.us-east-1.amazonaws.com/${String(o.userPoolId)}`);
      assert.strictEqual(o.jwksUri, `${String(o.issuer)}/.well-known/jwks.json`);
      assert.strictEqual(o.region, "us-east-1");
      assert.deepStrictEqual(o.groups, ["Administrators", "PremiumCustomers", "Customers"]);
      assert.deepStrictEqual(o.customAttributes, ["customer_tier", "last_login", "subscription_status"]);
    }
  });

  it("applies a transform to a child resource's args", async () => {
    const created = await recordingMocks();
    const auth = new CognitoAuth("t", {
      model: load("dev", { messaging: { sms: { enabled: true } } }),
      transform: {
        userPool: {
          userPool: (args) => {
            args.userPoolAddOns = { advancedSecurityMode: "AUDIT" };
          },
        },
        messaging: { smsRole: { description: "custom" } },
      },
    });
    await settled(auth.pool.userPool.id);
    await settled(auth.messaging.smsRole?.arn ?? assert.fail("this dev stack has an SMS role"));
    const pool = created.find((r) => r.type === "aws:cognito/userPool:UserPool");
    const role = created.find((r) => r.type === "aws:iam/role:Role" && r.name.endsWith("-sms-role"));
    assert.deepStrictEqual(pool?.inputs.userPoolAddOns, { advancedSecurityMode: "AUDIT" });
    assert.strictEqual(role?.inputs.description, "custom");
  });

  describe("transform reaches every child resource", () => {
    /** A stack file's model, as the program would load it offline. */
    const modelOf = (stack: string, dir = PROJECT_ROOT): StackModel => {
      const files = readStackFiles(stack, path.resolve(PROJECT_ROOT, dir));
      const { config, secretKeys } = engineConfigFromFiles(files);
      return loadConfig({ stack, engineConfig: config, secretKeys, files, allowPlaceholders: true });
    };
    const stacks: Array<[string, string?]> = [
      ["dev"],
      ["prod"],
      ["sms", "tests/fixtures/sms"],
      ["triggers", "tests/fixtures/triggers"],
      ["zone", "tests/fixtures/custom-domain"],
      ["custom-access", "tests/fixtures/custom-access"],
      ["federation", "tests/fixtures/federation"],
      ["replicated", "tests/fixtures/replicated"],
      ["trigger-functions", "tests/fixtures/trigger-functions"],
    ];

    for (const [stack, dir] of stacks) {
      it(`${stack}: every custom resource passes through a transform hook`, async () => {
        await recordingMocks(stack);
        const seen = new Set<string>();
        const spy =
          <T>(): Transform<T> =>
          (_args, _opts, name) => {
            seen.add(name);
          };
        // Typed against CognitoAuthTransforms: a hook that does not exist fails to compile; one
        // left out here leaves its resources unseen and fails the assertion below.
        const transform: Required<{
          [K in keyof CognitoAuthTransforms]-?: Required<NonNullable<CognitoAuthTransforms[K]>>;
        }> = {
          messaging: {
            smsExternalId: spy(),
            smsRole: spy(),
            smsRolePolicy: spy(),
            sesIdentity: {
              identity: spy(),
              verificationRecord: spy(),
              verification: spy(),
              dkim: spy(),
              dkimRecord: spy(),
            },
          },
          userPool: { userPool: spy(), riskConfiguration: spy(), guard: spy(), triggerPermission: spy() },
          resourceServers: { resourceServer: spy() },
          identityProviders: { identityProvider: spy() },
          clients: { client: spy(), branding: spy() },
          domain: {
            domain: spy(),
            suffix: spy(),
            certificate: spy(),
            certificateValidationRecord: spy(),
            certificateValidation: spy(),
            aliasRecord: spy(),
          },
          groups: { group: spy(), role: spy(), rolePolicyAttachment: spy() },
          identityPool: {
            identityPool: spy(),
            authenticatedRole: spy(),
            authenticatedPolicy: spy(),
            unauthenticatedRole: spy(),
            unauthenticatedPolicy: spy(),
            roleAttachment: spy(),
          },
          seedUsers: { user: spy(), password: spy(), membership: spy() },
          replication: {
            primaryProvider: spy(),
            key: { key: spy(), replicaKey: spy() },
            keyConfiguration: spy(),
            replica: {
              provider: spy(),
              replica: spy(),
              attachment: spy(),
              smsExternalId: spy(),
              smsRole: spy(),
              smsRolePolicy: spy(),
              triggerPermission: spy(),
            },
          },
          waf: { webAcl: spy(), association: spy(), logGroup: spy(), logging: spy() },
          authEventLogs: { logGroup: spy(), resourcePolicy: spy(), deliveryConfiguration: spy() },
          monitoring: {
            key: spy(),
            topic: spy(),
            topicPolicy: spy(),
            subscription: spy(),
            alarm: spy(),
            dashboard: spy(),
          },
          triggerFunctions: { role: spy(), policy: spy(), logGroup: spy(), function: spy() },
          triggerFunctionPoolAccess: { permission: spy(), policy: spy() },
          api: {
            api: spy(),
            authorizer: spy(),
            integration: spy(),
            route: spy(),
            stage: spy(),
            permission: spy(),
            accessLogs: spy(),
            function: { role: spy(), policy: spy(), logGroup: spy(), function: spy() },
          },
        };
        // Component transformations see every child as it registers, synchronously and completely.
        const registered: Array<{ key: string; name: string }> = [];
        const auth = new CognitoAuth(
          "cognito",
          { model: modelOf(stack, dir), transform },
          {
            transformations: [
              (a) => {
                // Components are ours (cognito-auth:); isInstance cannot tell yet, the subclass has not run.
                if (!a.type.startsWith("cognito-auth:")) registered.push({ key: `${a.type}::${a.name}`, name: a.name });
                return undefined;
              },
            ],
          },
        );
        await settled(auth.pool.userPool.id);
        assert.ok(registered.length > 10, `${stack} creates resources`);
        const unreached = registered.filter((r) => !seen.has(r.name)).map((r) => r.key);
        assert.deepStrictEqual(unreached, [], "resources no transform can change");
      });
    }
  });
});
