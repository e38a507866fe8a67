import * as assert from "node:assert";
import type { AuthStep } from "../../../check/auth";
import { AWS_CAPABILITIES, EMULATOR_CAPABILITIES } from "../../../check/target";
import {
  assertGroupClaim,
  customChallengeClient,
  expectCodeChallenge,
  expectedAutoGroup,
  groupPlan,
  jwtClaims,
  TRIGGER_SKIP,
} from "../../../check/trigger-checks";
import type { StackOutputs, TriggerFunctionsOutput } from "../../../outputs/stack-outputs";
import { client, fakeOutputs } from "./fake-cognito";
import { runFlow } from "./flow-harness";

const jwt = (claims: Record<string, unknown>): string =>
  `${Buffer.from('{"alg":"RS256"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;

const BY_DOMAIN = { "example.com": "Administrators", "*": "Customers" };
const functions = (f: Partial<TriggerFunctionsOutput> = {}): TriggerFunctionsOutput => ({
  names: ["postConfirmation"],
  groupsByDomain: BY_DOMAIN,
  ...f,
});

describe("check/trigger-checks", () => {
  describe("expectedAutoGroup", () => {
    it("takes the exact domain's group, else the * group, like functions/post-confirmation.ts", () => {
      assert.strictEqual(expectedAutoGroup(functions(), "ada@example.com", true), "Administrators");
      assert.strictEqual(expectedAutoGroup(functions(), "ada@EXAMPLE.com", true), "Administrators");
      assert.strictEqual(expectedAutoGroup(functions(), "eve@evil-example.com", true), "Customers");
      assert.strictEqual(expectedAutoGroup(functions(), "x@sub.example.com", true), "Customers");
      assert.strictEqual(
        expectedAutoGroup(functions({ groupsByDomain: { "example.com": "A" } }), "x@other.org", true),
        undefined,
      );
    });

    it("expects only the * group for an unverified email, as the function gives", () => {
      assert.strictEqual(expectedAutoGroup(functions(), "ada@example.com", false), "Customers");
      assert.strictEqual(
        expectedAutoGroup(functions({ groupsByDomain: { "example.com": "A" } }), "ada@example.com", false),
        undefined,
      );
    });

    it("expects nothing without a post-confirmation function", () => {
      assert.strictEqual(expectedAutoGroup(undefined, "ada@example.com", true), undefined);
      assert.strictEqual(
        expectedAutoGroup(functions({ names: ["preTokenGeneration"] }), "ada@example.com", true),
        undefined,
      );
    });
  });

  describe("groupPlan", () => {
    const o = { triggerFunctions: functions() };
    it("on AWS leaves the group to the function, so the claim proves the function ran", () => {
      // AdminConfirmSignUp verifies no email, so even example.com gets only the * group.
      assert.deepStrictEqual(groupPlan(AWS_CAPABILITIES, o, "a@example.com", "Administrators"), {
        auto: "Customers",
        expected: "Customers",
      });
    });
    it("on the emulator adds the group by admin call and skips with the reason", () => {
      assert.deepStrictEqual(groupPlan(EMULATOR_CAPABILITIES, o, "a@example.com", "Customers"), {
        adminAdds: "Customers",
        expected: "Customers",
        skip: TRIGGER_SKIP.autoGroup,
      });
    });
    it("without the function adds the plan's group as before", () => {
      assert.deepStrictEqual(groupPlan(AWS_CAPABILITIES, {}, "a@example.com", "Customers"), {
        adminAdds: "Customers",
        expected: "Customers",
      });
    });
  });

  describe("assertGroupClaim on crafted tokens", () => {
    it("passes when cognito:groups lists the group", () => {
      assert.doesNotThrow(() =>
        assertGroupClaim(jwt({ token_use: "id", "cognito:groups": ["PremiumCustomers", "Customers"] }), "Customers"),
      );
    });
    it("fails without cognito:groups, with another group, on an access token, and on a non-JWT", () => {
      assert.throws(() => assertGroupClaim(jwt({ token_use: "id" }), "Customers"), /has no cognito:groups/);
      assert.throws(
        () => assertGroupClaim(jwt({ token_use: "id", "cognito:groups": ["Customer"] }), "Customers"),
        /is \["Customer"\]; expected it to include Customers/,
      );
      assert.throws(
        () => assertGroupClaim(jwt({ token_use: "access", "cognito:groups": ["Customers"] }), "Customers"),
        /expected an ID token/,
      );
      assert.throws(() => assertGroupClaim("abc.def", "Customers"), /not a JWT/);
      assert.throws(() => jwtClaims(`a.${Buffer.from("[1]").toString("base64url")}.c`), /not an object/);
    });
  });

  describe("custom challenge helpers", () => {
    const step = (s: Partial<AuthStep>): AuthStep => ({ params: {}, username: "u", ...s });
    it("wants CUSTOM_CHALLENGE naming the masked address the code went to", () => {
      const email = "success+login-check-x-1@simulator.amazonses.com";
      const ok = step({ challenge: "CUSTOM_CHALLENGE", params: { email: "s***@simulator.amazonses.com" } });
      assert.strictEqual(expectCodeChallenge(ok, email), ok);
      assert.throws(
        () => expectCodeChallenge(step({ tokens: { IdToken: "x" } }), email),
        /without asking for the code/,
      );
      assert.throws(() => expectCodeChallenge(step({ challenge: "SOFTWARE_TOKEN_MFA" }), email), /CUSTOM_CHALLENGE/);
      assert.throws(
        () => expectCodeChallenge(step({ challenge: "CUSTOM_CHALLENGE", params: { email } }), email),
        /names the code's address/,
      );
    });
    it("picks the first listed client the stack has", () => {
      const o = fakeOutputs({
        triggerFunctions: { names: ["customChallenge"], customChallengeClients: ["mobile", "web"] },
      });
      assert.strictEqual(customChallengeClient(o)?.key, "web");
      assert.strictEqual(customChallengeClient(fakeOutputs()), undefined);
    });
  });

  describe("in the login flow (fake Cognito)", () => {
    const withFunctions = (f: TriggerFunctionsOutput): StackOutputs => {
      const o = fakeOutputs({ triggerFunctions: f });
      o.clients.web = client("web", {
        explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      });
      return o;
    };
    const all = (byDomain: Record<string, string>) =>
      withFunctions({
        names: ["postConfirmation", "customChallenge"],
        groupsByDomain: byDomain,
        customChallengeClients: ["web"],
      });

    it("on AWS: the group comes from the function, the code is asked for and a wrong one refused", async () => {
      const r = await runFlow({}, AWS_CAPABILITIES, all({ "*": "Administrators" }));
      assert.strictEqual(r.failure, undefined, r.lines.join("\n"));
      for (const s of [
        "custom-challenge-issued",
        "custom-challenge-wrong-code",
        "auto-assigned-group",
        "verify-tokens",
      ])
        assert.ok(r.passed.includes(s), s);
      assert.deepStrictEqual(r.skipped, [`custom-challenge-sign-in: ${TRIGGER_SKIP.customChallengeCode}`]);
      assert.ok(
        r.fc.created.every((u) => !u.groups.includes("Customers")),
        "the check did not add its own group on top of the function's",
      );
    });

    it("fails auto-assigned-group when the function adds no group, even where it would be the check's own group", async () => {
      const r = await runFlow({ noPostConfirmation: true }, AWS_CAPABILITIES, all({ "*": "Customers" }));
      assert.strictEqual(r.failure?.step, "auto-assigned-group");
      assert.match(r.failure.message, /has no cognito:groups/);
    });

    it("fails the custom challenge when Cognito gives tokens without the code, or takes a wrong code", async () => {
      const skips = await runFlow({ customAuthSkipsCode: true }, AWS_CAPABILITIES, all(BY_DOMAIN));
      assert.strictEqual(skips.failure?.step, "custom-challenge-issued");
      const anyCode = await runFlow({ acceptsAnyCode: true }, AWS_CAPABILITIES, all(BY_DOMAIN));
      assert.strictEqual(anyCode.failure?.step, "custom-challenge-wrong-code");
      assert.match(anyCode.failure.message, /a wrong one-time code gave tokens/);
    });

    it("on the emulator skips the group claim and the custom challenge, each with its reason", async () => {
      const r = await runFlow(
        { revealsUnknownUsers: true, noDeviceMetadata: true },
        EMULATOR_CAPABILITIES,
        all({ "*": "Administrators" }),
      );
      assert.strictEqual(r.failure, undefined, r.lines.join("\n"));
      for (const s of ["custom-challenge-issued", "custom-challenge-wrong-code", "custom-challenge-sign-in"])
        assert.ok(r.skipped.includes(`${s}: ${TRIGGER_SKIP.customChallengeMoto}`), s);
      assert.ok(r.skipped.includes(`auto-assigned-group: ${TRIGGER_SKIP.autoGroup}`));
      assert.ok(
        r.fc.created.some((u) => u.groups.includes("Customers")),
        "the check added its group itself",
      );
    });
  });
});
