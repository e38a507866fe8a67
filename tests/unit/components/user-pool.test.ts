import * as assert from "node:assert";
import type { RunResult } from "../../../offline/runner";
import { ofType, one, runStack } from "../helpers";

const POOL = "aws:cognito/userPool:UserPool";
const TRIGGERS_DIR = `${__dirname}/../../fixtures/triggers`;

describe("components/user-pool", () => {
  let dev: RunResult;
  let prod: RunResult;
  let triggers: RunResult;
  before(async () => {
    dev = await runStack("dev");
    prod = await runStack("prod");
    triggers = await runStack("triggers", TRIGGERS_DIR);
  });

  it("prod: MFA ON with TOTP (SMS is opt-in), PLUS tier, threat protection enforced", () => {
    const p = one(prod, POOL).inputs;
    assert.strictEqual(p.mfaConfiguration, "ON");
    assert.deepStrictEqual(p.softwareTokenMfaConfiguration, { enabled: true });
    assert.strictEqual(p.smsConfiguration, undefined, "no SMS without messaging.sms.enabled");
    assert.strictEqual(p.userPoolTier, "PLUS");
    assert.deepStrictEqual(p.userPoolAddOns, { advancedSecurityMode: "ENFORCED" });
  });

  it("prod: deletion protection ACTIVE, Pulumi protect and retainOnDelete", () => {
    const p = one(prod, POOL);
    assert.strictEqual(p.inputs.deletionProtection, "ACTIVE");
    assert.strictEqual(p.protect, true);
    assert.strictEqual(p.retainOnDelete, true);
  });

  it("dev: MFA OPTIONAL, no deletion protection, not protected", () => {
    const p = one(dev, POOL);
    assert.strictEqual(p.inputs.mfaConfiguration, "OPTIONAL");
    assert.strictEqual(p.inputs.deletionProtection, "INACTIVE");
    assert.strictEqual(p.protect, false);
    assert.deepStrictEqual(p.inputs.userPoolAddOns, { advancedSecurityMode: "OFF" });
  });

  it("signs in by email, case-insensitively, and auto-verifies email", () => {
    for (const run of [dev, prod]) {
      const p = one(run, POOL).inputs;
      assert.deepStrictEqual(p.usernameAttributes, ["email"]);
      assert.deepStrictEqual(p.usernameConfiguration, { caseSensitive: false });
      assert.deepStrictEqual(p.autoVerifiedAttributes, ["email"]);
      assert.deepStrictEqual(p.userAttributeUpdateSettings, { attributesRequireVerificationBeforeUpdates: ["email"] });
    }
  });

  it("has a 12-character all-classes password policy with 1-day temporary passwords and history", () => {
    assert.deepStrictEqual(one(prod, POOL).inputs.passwordPolicy, {
      minimumLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
      temporaryPasswordValidityDays: 1,
      passwordHistorySize: 5,
    });
  });

  it("challenges new devices and recovers by verified email first", () => {
    const p = one(prod, POOL).inputs;
    assert.deepStrictEqual(p.deviceConfiguration, {
      challengeRequiredOnNewDevice: true,
      deviceOnlyRememberedOnUserPrompt: true,
    });
    assert.deepStrictEqual(p.accountRecoverySetting, {
      recoveryMechanisms: [
        { name: "verified_email", priority: 1 },
        { name: "verified_phone_number", priority: 2 },
      ],
    });
  });

  it("declares the recipe's custom attributes with constraints spelled out", () => {
    const schemas = one(dev, POOL).inputs.schemas as Array<Record<string, unknown>>;
    const byName = Object.fromEntries(schemas.map((s) => [s.name, s]));
    assert.deepStrictEqual(byName.customer_tier.stringAttributeConstraints, { minLength: "1", maxLength: "32" });
    assert.strictEqual(byName.last_login.attributeDataType, "DateTime");
    assert.strictEqual(byName.last_login.stringAttributeConstraints, undefined);
    assert.strictEqual(byName.subscription_status.attributeDataType, "String");
    assert.strictEqual(byName.email.required, true);
  });

  it("sends verification codes and invitations from the configured templates", () => {
    const p = one(dev, POOL).inputs;
    assert.strictEqual(
      (p.verificationMessageTemplate as Record<string, unknown>).defaultEmailOption,
      "CONFIRM_WITH_CODE",
    );
    assert.match(
      String(
        (p.adminCreateUserConfig as { inviteMessageTemplate: { emailMessage: string } }).inviteMessageTemplate
          .emailMessage,
      ),
      /\{username\}.*\{####\}/,
    );
    assert.strictEqual((p.adminCreateUserConfig as Record<string, unknown>).allowAdminCreateUserOnly, false);
  });

  it("prod: a risk configuration blocks compromised credentials and acts per takeover risk level", () => {
    const rc = one(prod, "aws:cognito/riskConfiguration:RiskConfiguration");
    assert.strictEqual(rc.inputs.userPoolId, one(prod, POOL).id);
    assert.deepStrictEqual(rc.inputs.compromisedCredentialsRiskConfiguration, {
      actions: { eventAction: "BLOCK" },
      eventFilters: ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"],
    });
    const ato = rc.inputs.accountTakeoverRiskConfiguration as {
      actions: Record<string, { eventAction: string; notify: boolean }>;
      notifyConfiguration: Record<string, string>;
    };
    assert.strictEqual(ato.actions.highAction.eventAction, "BLOCK");
    assert.ok(Object.values(ato.actions).every((a) => a.notify));
    assert.strictEqual(
      ato.notifyConfiguration.sourceArn,
      one(prod, "aws:ses/domainIdentityVerification:DomainIdentityVerification").state.arn,
    );
    assert.strictEqual(
      ato.notifyConfiguration.from,
      "no-reply@auth.example.com",
      "risk notifications take the bare sender address",
    );
  });

  it("dev: no risk configuration", () => {
    assert.strictEqual(ofType(dev, "aws:cognito/riskConfiguration:RiskConfiguration").length, 0);
  });

  it("wires Lambda triggers, with V2 pre-token generation and a KMS key for the custom sender", () => {
    const lc = one(triggers, POOL).inputs.lambdaConfig as Record<string, unknown>;
    assert.strictEqual(lc.preSignUp, "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up");
    assert.deepStrictEqual(lc.preTokenGenerationConfig, {
      lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:token:live",
      lambdaVersion: "V2_0",
    });
    assert.strictEqual(lc.preTokenGeneration, undefined);
    assert.deepStrictEqual(lc.customEmailSender, {
      lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up",
      lambdaVersion: "V1_0",
    });
    assert.match(String(lc.kmsKeyId), /^arn:aws:kms:/);
  });

  it("gives each distinct trigger function one invoke permission scoped to this pool", () => {
    const perms = ofType(triggers, "aws:lambda/permission:Permission");
    assert.strictEqual(perms.length, 3, "pre-sign-up is used twice but permitted once");
    const poolArn = one(triggers, POOL).state.arn;
    for (const p of perms) {
      assert.strictEqual(p.inputs.principal, "cognito-idp.amazonaws.com");
      assert.strictEqual(p.inputs.action, "lambda:InvokeFunction");
      assert.strictEqual(p.inputs.sourceArn, poolArn);
      assert.strictEqual(p.inputs.sourceAccount, "123456789012");
    }
  });

  it("takes a permission's sourceAccount from the pool's account, not from the function's", async () => {
    const shared = "arn:aws:lambda:us-east-1:210987654321:function:shared-pre-sign-up";
    const run = await runStack("triggers", TRIGGERS_DIR, {
      "cognito-auth:triggers": JSON.stringify({ preSignUp: shared }),
    });
    const perm = one(run, "aws:lambda/permission:Permission");
    assert.strictEqual(perm.inputs.function, shared);
    assert.strictEqual(perm.inputs.sourceAccount, String(one(run, POOL).state.arn).split(":")[4]);
    assert.notStrictEqual(perm.inputs.sourceAccount, "210987654321");
  });

  it("prod without triggers has no lambdaConfig and no permissions; dev runs only its built functions", () => {
    assert.strictEqual(one(prod, POOL).inputs.lambdaConfig, undefined);
    assert.strictEqual(ofType(prod, "aws:lambda/permission:Permission").length, 0);
    assert.deepStrictEqual(Object.keys(one(dev, POOL).inputs.lambdaConfig as object).sort(), [
      "postConfirmation",
      "preTokenGenerationConfig",
    ]);
  });

  it("without SMS, sends no SMS templates and has no SMS configuration", () => {
    const p = one(triggers, POOL).inputs;
    assert.strictEqual(p.smsConfiguration, undefined);
    assert.strictEqual(p.smsAuthenticationMessage, undefined);
    assert.strictEqual((p.verificationMessageTemplate as Record<string, unknown>).smsMessage, undefined);
  });

  it("tags the pool", () => {
    assert.deepStrictEqual(one(prod, POOL).inputs.tags, {
      project: "cognito-auth",
      "managed-by": "pulumi",
      environment: "prod",
    });
  });
});
