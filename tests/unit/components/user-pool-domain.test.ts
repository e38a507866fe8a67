import * as assert from "node:assert";
import { type RecordedResource, resourceKey } from "../../../offline/recorded-resource";
import type { RunResult } from "../../../offline/runner";
import { ofType, one, runStack } from "../helpers";

const DOMAIN = "aws:cognito/userPoolDomain:UserPoolDomain";
const SUFFIX = "random:index/randomString:RandomString";
const PROVIDER = "pulumi:providers:aws";
const CERT = "aws:acm/certificate:Certificate";
const VALIDATION = "aws:acm/certificateValidation:CertificateValidation";
const RECORD = "aws:route53/record:Record";
const COMPONENT = "cognito-auth:index:CognitoUserPoolDomain::cognito-domain";
const DOMAIN_KEY = `${DOMAIN}::cognito-domain`;

/** Every resource the domain component created. */
const children = (run: RunResult): RecordedResource[] => run.resources.filter((r) => r.parent === COMPONENT);

describe("components/user-pool-domain", () => {
  let dev: RunResult;
  let prod: RunResult;
  let fixture: RunResult;
  let zone: RunResult;
  let cert: RunResult;
  before(async () => {
    dev = await runStack("dev");
    prod = await runStack("prod");
    fixture = await runStack("clients", "tests/fixtures/clients");
    zone = await runStack("zone", "tests/fixtures/custom-domain");
    cert = await runStack("cert", "tests/fixtures/custom-domain");
  });

  describe("prefix domain", () => {
    it("appends a stable 6-character lowercase random suffix to auth-<stack>", () => {
      const suffix = one(dev, SUFFIX, "cognito-domain-suffix");
      assert.deepStrictEqual(suffix.inputs, { length: 6, lower: true, upper: false, numeric: true, special: false });
      const result = String(suffix.state.result);
      assert.match(result, /^[a-z0-9]{6}$/);
      const domain = one(dev, DOMAIN);
      assert.strictEqual(domain.inputs.domain, `auth-dev-${result}`);
      assert.strictEqual(dev.outputs.hostedUiBaseUrl, `https://auth-dev-${result}.auth.us-east-1.amazoncognito.com`);
      assert.strictEqual(domain.inputs.certificateArn, undefined);
      assert.strictEqual(domain.inputs.managedLoginVersion, 2);
    });

    it("deletes the domain before replacing it", () => {
      for (const run of [dev, fixture, zone, cert])
        assert.strictEqual(one(run, DOMAIN).deleteBeforeReplace, true, run.stack);
    });

    it("prod protects the domain and its suffix: a new suffix or prefix (e.g. after a stack rename) fails preview", () => {
      assert.strictEqual(one(prod, SUFFIX, "cognito-domain-suffix").protect, true);
      assert.strictEqual(one(prod, DOMAIN).protect, true);
      assert.strictEqual(one(dev, SUFFIX, "cognito-domain-suffix").protect, false);
      assert.strictEqual(one(dev, DOMAIN).protect, false);
    });

    it("uses a configured prefix as is without the random suffix, in the pool's region", () => {
      assert.strictEqual(one(fixture, DOMAIN).inputs.domain, "team-login");
      assert.deepStrictEqual(
        ofType(fixture, SUFFIX).filter((r) => r.parent === COMPONENT),
        [],
      );
      assert.strictEqual(fixture.outputs.hostedUiBaseUrl, "https://team-login.auth.eu-west-1.amazoncognito.com");
    });
  });

  describe("custom domain", () => {
    it("creates and DNS-validates a certificate in us-east-1 with the stack's own provider", () => {
      assert.deepStrictEqual(
        ofType(zone, PROVIDER),
        [],
        "an explicit provider would drop the stack's aws:* settings (profile, assumeRole, defaultTags)",
      );
      const certificate = one(zone, CERT);
      assert.strictEqual(certificate.provider, undefined);
      assert.strictEqual(certificate.inputs.region, "us-east-1");
      assert.deepStrictEqual(
        [certificate.inputs.domainName, certificate.inputs.validationMethod],
        ["login.example.com", "DNS"],
      );
      const option = (certificate.state.domainValidationOptions as Array<Record<string, string>>)[0];
      const record = one(zone, RECORD, "-certificate-validation");
      assert.deepStrictEqual(
        [record.inputs.zoneId, record.inputs.name, record.inputs.type, record.inputs.records],
        ["Z0123456789ABCDEFGHIJ", option.resourceRecordName, option.resourceRecordType, [option.resourceRecordValue]],
      );
      assert.strictEqual(record.provider, undefined, "Route 53 is global; the stack's provider serves it");
      const validation = one(zone, VALIDATION);
      assert.strictEqual(validation.inputs.region, "us-east-1");
      assert.deepStrictEqual(
        [validation.inputs.certificateArn, validation.inputs.validationRecordFqdns],
        [certificate.state.arn, [record.state.fqdn]],
      );
      const domain = one(zone, DOMAIN);
      assert.deepStrictEqual(
        [domain.inputs.domain, domain.inputs.certificateArn],
        ["login.example.com", certificate.state.arn],
      );
      assert.deepStrictEqual(domain.dependsOn, [resourceKey(validation)]);
      assert.strictEqual(zone.outputs.hostedUiBaseUrl, "https://login.example.com");
    });

    it("points an alias A record at the domain's CloudFront distribution", () => {
      const domain = one(zone, DOMAIN);
      const alias = one(zone, RECORD, "-alias");
      assert.deepStrictEqual(
        [alias.inputs.zoneId, alias.inputs.name, alias.inputs.type],
        ["Z0123456789ABCDEFGHIJ", "login.example.com", "A"],
      );
      assert.deepStrictEqual(alias.inputs.aliases, [
        {
          name: domain.state.cloudfrontDistribution,
          zoneId: domain.state.cloudfrontDistributionZoneId,
          evaluateTargetHealth: false,
        },
      ]);
    });

    it("uses a given certificate without a provider, certificate or records", () => {
      const domain = one(cert, DOMAIN);
      assert.strictEqual(
        domain.inputs.certificateArn,
        "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
      );
      for (const type of [PROVIDER, CERT, VALIDATION, RECORD]) assert.deepStrictEqual(ofType(cert, type), [], type);
    });
  });

  it("parents every child to the domain component and creates nothing late", () => {
    assert.deepStrictEqual(
      children(zone).map(resourceKey).sort(),
      [
        `${VALIDATION}::cognito-domain-certificate-validation`,
        `${CERT}::cognito-domain-certificate`,
        DOMAIN_KEY,
        `${RECORD}::cognito-domain-alias`,
        `${RECORD}::cognito-domain-certificate-validation`,
      ].sort(),
    );
    assert.deepStrictEqual(
      children(dev).map(resourceKey).sort(),
      [DOMAIN_KEY, `${SUFFIX}::cognito-domain-suffix`].sort(),
    );
    for (const run of [dev, fixture, zone, cert]) assert.deepStrictEqual(run.createdLate, [], run.stack);
  });
});
