import * as assert from "node:assert";
import {
  appWrittenAttributePaths,
  PASSWORD_SPECIALS,
  passwordArgs,
  userAttributes,
} from "../../../components/seed-users";
import { offlinePassword } from "../../../offline/backend";
import type { RunResult } from "../../../offline/runner";
import { ofType, one, runStack } from "../helpers";

const USER = "aws:cognito/user:User";
const MEMBER = "aws:cognito/userInGroup:UserInGroup";
const PASSWORD = "random:index/randomPassword:RandomPassword";
/** The special characters Cognito accepts in passwords (Cognito developer guide, password policies). */
const COGNITO_SPECIALS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

describe("components/seed-users", () => {
  let dev: RunResult;
  let prod: RunResult;
  let access: RunResult;
  before(async () => {
    dev = await runStack("dev");
    prod = await runStack("prod");
    access = await runStack("custom-access", `${__dirname}/../../fixtures/custom-access`);
  });

  it("prod creates no users, passwords or memberships", () => {
    for (const type of [USER, MEMBER, PASSWORD]) assert.strictEqual(ofType(prod, type).length, 0, type);
    assert.deepStrictEqual(prod.outputs.seedUsers, {});
  });

  it("dev creates the recipe's users with no invitation, verified email = username, custom attributes unprefixed", () => {
    const admin = one(dev, USER, "-admin@example.com");
    assert.strictEqual(admin.parent, "cognito-auth:index:SeedUsers::cognito-seed-users");
    assert.strictEqual(admin.inputs.username, "admin@example.com");
    assert.strictEqual(admin.inputs.messageAction, "SUPPRESS");
    assert.strictEqual(admin.inputs.userPoolId, one(dev, "aws:cognito/userPool:UserPool").id);
    assert.deepStrictEqual(admin.inputs.attributes, {
      email: "admin@example.com",
      email_verified: "true",
      given_name: "Ada",
      family_name: "Admin",
      customer_tier: "internal",
    });
    assert.deepStrictEqual(
      ofType(dev, USER)
        .map((u) => u.inputs.username)
        .sort(),
      ["admin@example.com", "customer@example.com"],
    );
  });

  it("each temporary password is the generated one and a secret input", () => {
    for (const username of ["admin@example.com", "customer@example.com"]) {
      const user = one(dev, USER, `-${username}`);
      const password = one(dev, PASSWORD, `-${username}-password`);
      // The offline backend answers a RandomPassword with offlinePassword(name, inputs).
      assert.strictEqual(user.inputs.temporaryPassword, offlinePassword(password.name, password.inputs));
      assert.ok(user.secretPaths.includes("temporaryPassword"), `${username}: ${user.secretPaths.join(",")}`);
    }
  });

  it("passwords are one secret stack output, kept out of seedUsers", () => {
    assert.ok(dev.secretOutputPaths.includes("seedUserPasswords"), dev.secretOutputPaths.join(", "));
    assert.deepStrictEqual(
      dev.secretOutputPaths.filter((p) => p.startsWith("seedUsers")),
      [],
    );
    const passwords = dev.outputs.seedUserPasswords as Record<string, string>;
    for (const username of ["admin@example.com", "customer@example.com"]) {
      const password = one(dev, PASSWORD, `-${username}-password`);
      assert.strictEqual(passwords[username], offlinePassword(password.name, password.inputs), username);
    }
  });

  it("password options satisfy the pool's policy (dev: 12 chars, every class)", () => {
    const p = one(dev, PASSWORD, "-admin@example.com-password").inputs;
    assert.strictEqual(p.length, 16, "never shorter than 16");
    assert.deepStrictEqual([p.minUpper, p.minLower, p.minNumeric, p.minSpecial], [1, 1, 1, 1]);
    for (const ch of String(p.overrideSpecial)) assert.ok(COGNITO_SPECIALS.includes(ch), `Cognito refuses ${ch}`);
  });

  it("password options follow a stricter length and a policy without symbols", () => {
    const p = one(access, PASSWORD, "-admin@example.com-password").inputs;
    assert.strictEqual(p.length, 24);
    assert.deepStrictEqual([p.minUpper, p.minLower, p.minNumeric, p.minSpecial], [1, 1, 1, 0]);
  });

  it("adds each user to each of their groups, after the group exists", () => {
    const memberships = ofType(access, MEMBER)
      .map((m) => [m.inputs.username, m.inputs.groupName, m.dependsOn])
      .sort();
    assert.deepStrictEqual(memberships, [
      ["admin@example.com", "Administrators", ["aws:cognito/userGroup:UserGroup::cognito-groups-Administrators"]],
      ["admin@example.com", "Customers", ["aws:cognito/userGroup:UserGroup::cognito-groups-Customers"]],
      ["customer@example.com", "Customers", ["aws:cognito/userGroup:UserGroup::cognito-groups-Customers"]],
    ]);
  });

  describe("attributes the app writes (pulumi up --refresh)", () => {
    it("ignores every attribute of the pool the stack does not set, so a refresh never reverts the app's writes", () => {
      const admin = one(dev, USER, "-admin@example.com");
      const ignored = admin.ignoreChanges ?? [];
      // The pool's custom attributes the seed leaves alone (last_login is written at each sign-in) and
      // standard ones a user or the app may set.
      for (const k of ["last_login", "subscription_status", "name", "phone_number", "phone_number_verified", "picture"])
        assert.ok(ignored.includes(`attributes.${k}`), `${k} is the app's: ${ignored.join(", ")}`);
      // What the stack sets, it owns: a changed seed value is applied, a drifted one is reset.
      for (const k of Object.keys(admin.inputs.attributes as object))
        assert.ok(!ignored.includes(`attributes.${k}`), `the stack owns ${k}`);
      assert.ok(
        ignored.every((p) => p.startsWith("attributes.")),
        "nothing but attributes is ignored",
      );
    });

    it("each user leaves to the app what its own config does not set", () => {
      const customer = one(dev, USER, "-customer@example.com").ignoreChanges ?? [];
      const admin = one(dev, USER, "-admin@example.com").ignoreChanges ?? [];
      assert.ok(admin.includes("attributes.subscription_status"));
      assert.ok(!customer.includes("attributes.subscription_status"), "the customer's seed sets it");
    });

    it("names developer-only and odd keys with bracket paths, custom ones without their prefix", () => {
      const paths = appWrittenAttributePaths(
        ["email", "email_verified", "tier"],
        [
          { name: "tier", attributeDataType: "String", mutable: true, required: false, developerOnlyAttribute: false },
          {
            name: "last_login",
            attributeDataType: "DateTime",
            mutable: true,
            required: false,
            developerOnlyAttribute: false,
          },
          { name: "score", attributeDataType: "Number", mutable: true, required: false, developerOnlyAttribute: true },
        ],
      );
      assert.ok(paths.includes("attributes.last_login"));
      assert.ok(paths.includes('attributes["dev:custom:score"]'));
      assert.ok(paths.includes("attributes.given_name"));
      for (const owned of ["email", "email_verified", "tier"]) assert.ok(!paths.includes(`attributes.${owned}`), owned);
      assert.strictEqual(new Set(paths).size, paths.length, "no path twice");
    });

    it("prod has no seed users, so nothing to ignore", () => {
      assert.strictEqual(ofType(prod, USER).length, 0);
    });
  });

  describe("passwordArgs", () => {
    it("uses the policy's minimum when it is above 16 and requires only the required classes", () => {
      const a = passwordArgs({
        minimumLength: 40,
        requireLowercase: false,
        requireUppercase: true,
        requireNumbers: false,
        requireSymbols: true,
        temporaryPasswordValidityDays: 1,
      });
      assert.deepStrictEqual([a.length, a.minLower, a.minUpper, a.minNumeric, a.minSpecial], [40, 0, 1, 0, 1]);
      assert.strictEqual(a.overrideSpecial, PASSWORD_SPECIALS);
    });
  });

  describe("userAttributes", () => {
    it("an email username becomes the verified email; an explicit email_verified wins", () => {
      assert.deepStrictEqual(userAttributes("a@example.com", undefined, ["email"]), {
        email: "a@example.com",
        email_verified: "true",
      });
      assert.deepStrictEqual(userAttributes("a@example.com", { email_verified: "false" }, ["email"]), {
        email: "a@example.com",
        email_verified: "false",
      });
    });
    it("a phone username becomes the verified phone number", () => {
      assert.deepStrictEqual(userAttributes("+15555550100", undefined, ["phone_number"]), {
        phone_number: "+15555550100",
        phone_number_verified: "true",
      });
    });
    it("a plain username adds nothing; a given email is marked verified", () => {
      assert.deepStrictEqual(userAttributes("ada", undefined, []), {});
      assert.deepStrictEqual(userAttributes("ada", { email: "ada@example.com", "custom:tier": "x" }, []), {
        email: "ada@example.com",
        email_verified: "true",
        tier: "x",
      });
    });
  });
});
