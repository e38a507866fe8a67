import * as assert from "node:assert";
import { OFFLINE_TYPES, offlineBackend, offlinePassword } from "../../../offline/backend";
import { INVOKES, RESOURCE_TYPES } from "../../../offline/resource-types";

describe("offline/backend", () => {
  const backend = offlineBackend("eu-west-1");

  it("refuses a resource type it has no mock for", async () => {
    await assert.rejects(
      backend.newResource({ type: "aws:s3/bucket:Bucket", name: "b", inputs: {}, custom: true }),
      /no mock for resource type aws:s3\/bucket:Bucket/,
    );
  });

  it("refuses an invoke it does not expect", async () => {
    await assert.rejects(
      backend.call({ token: "aws:ec2/getAmi:getAmi", inputs: {} }),
      /unexpected invoke aws:ec2\/getAmi:getAmi/,
    );
  });

  it("answers the invokes the program uses", async () => {
    assert.strictEqual(
      (await backend.call({ token: INVOKES.getCallerIdentity, inputs: {} })).accountId,
      "123456789012",
    );
  });

  it("gives a pool a region-shaped id and ARN, deterministically", async () => {
    const a = await backend.newResource({
      type: RESOURCE_TYPES.userPool,
      name: "p",
      inputs: { name: "x" },
      custom: true,
    });
    const b = await backend.newResource({
      type: RESOURCE_TYPES.userPool,
      name: "p",
      inputs: { name: "x" },
      custom: true,
    });
    assert.match(a.id, /^eu-west-1_[0-9a-f]{9}$/);
    assert.strictEqual(a.state.arn, `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${a.id}`);
    assert.strictEqual(a.id, b.id);
    assert.strictEqual(a.state.name, "x", "inputs are echoed into state");
  });

  it("makes passwords that meet the requested minimums", () => {
    const p = offlinePassword("u", {
      length: 16,
      minUpper: 1,
      minLower: 1,
      minNumeric: 1,
      minSpecial: 1,
      overrideSpecial: "!#",
    });
    assert.strictEqual(p.length, 16);
    for (const re of [/[A-Z]/, /[a-z]/, /[0-9]/, /[!#]/]) assert.match(p, re);
  });

  it("answers the SES identity, verification and DKIM attributes the program reads", async () => {
    const domain = { domain: "auth.example.com" };
    const identity = await backend.newResource({
      type: RESOURCE_TYPES.sesDomainIdentity,
      name: "i",
      inputs: domain,
      custom: true,
    });
    const verification = await backend.newResource({
      type: RESOURCE_TYPES.sesDomainIdentityVerification,
      name: "v",
      inputs: domain,
      custom: true,
    });
    const dkim = await backend.newResource({
      type: RESOURCE_TYPES.sesDomainDkim,
      name: "d",
      inputs: domain,
      custom: true,
    });
    assert.strictEqual(verification.state.arn, "arn:aws:ses:eu-west-1:123456789012:identity/auth.example.com");
    assert.strictEqual(identity.state.arn, verification.state.arn);
    assert.match(String(identity.state.verificationToken), /^[A-Za-z0-9+/]+=*$/);
    const tokens = dkim.state.dkimTokens as string[];
    assert.strictEqual(new Set(tokens).size, 3);
    assert.ok(
      tokens.every((t) => /^[0-9a-f]{32}$/.test(t)),
      tokens.join(),
    );
  });

  it("covers every Cognito resource type the program may create", () => {
    for (const t of [
      RESOURCE_TYPES.userPool,
      RESOURCE_TYPES.userPoolClient,
      RESOURCE_TYPES.userPoolDomain,
      RESOURCE_TYPES.identityProvider,
      RESOURCE_TYPES.userGroup,
      RESOURCE_TYPES.user,
      RESOURCE_TYPES.identityPool,
    ]) {
      assert.ok(OFFLINE_TYPES.includes(t), t);
    }
  });
});
