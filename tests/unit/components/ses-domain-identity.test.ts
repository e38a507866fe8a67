import * as assert from "node:assert";
import { DKIM_TOKEN_COUNT } from "../../../components/ses-domain-identity";
import { resourceKey } from "../../../offline/recorded-resource";
import type { RunResult } from "../../../offline/runner";
import { ofType, one, runStack } from "../helpers";

const IDENTITY = "aws:ses/domainIdentity:DomainIdentity";
const VERIFICATION = "aws:ses/domainIdentityVerification:DomainIdentityVerification";
const DKIM = "aws:ses/domainDkim:DomainDkim";
const RECORD = "aws:route53/record:Record";
/** Prod's zone placeholder in Pulumi.prod.yaml. */
const ZONE = "Z0EXAMPLE0000000000000";

describe("components/ses-domain-identity", () => {
  let prod: RunResult;
  before(async () => {
    prod = await runStack("prod");
  });

  it("creates the domain identity from messaging.email.identity", () => {
    assert.deepStrictEqual(one(prod, IDENTITY).inputs, { domain: "auth.example.com" });
  });

  it("publishes the verification token as the _amazonses TXT record in the configured zone", () => {
    const token = one(prod, IDENTITY).state.verificationToken;
    assert.ok(typeof token === "string" && token.length > 0, "the identity has a verification token");
    const { zoneId, name, type, records } = one(prod, RECORD, "-ses-verification-record").inputs;
    assert.deepStrictEqual(
      { zoneId, name, type, records },
      { zoneId: ZONE, name: "_amazonses.auth.example.com", type: "TXT", records: [token] },
    );
  });

  it("waits for SES to verify the domain only after the TXT record exists", () => {
    const verification = one(prod, VERIFICATION);
    assert.strictEqual(verification.inputs.domain, one(prod, IDENTITY).state.domain);
    assert.deepStrictEqual(verification.dependsOn, [resourceKey(one(prod, RECORD, "-ses-verification-record"))]);
  });

  it("turns on Easy DKIM and publishes one CNAME per token", () => {
    assert.strictEqual(one(prod, DKIM).inputs.domain, "auth.example.com");
    const tokens = one(prod, DKIM).state.dkimTokens as string[];
    assert.strictEqual(tokens.length, DKIM_TOKEN_COUNT);
    const records = ofType(prod, RECORD).filter((r) => /-ses-dkim-record-\d$/.test(r.name));
    assert.deepStrictEqual(
      records.map((r) => [r.inputs.zoneId, r.inputs.type, r.inputs.name, r.inputs.records]),
      tokens.map((t) => [ZONE, "CNAME", `${t}._domainkey.auth.example.com`, [`${t}.dkim.amazonses.com`]]),
    );
    assert.strictEqual(new Set(tokens).size, DKIM_TOKEN_COUNT, "each record carries its own token");
  });
});
