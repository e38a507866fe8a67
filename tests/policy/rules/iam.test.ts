import * as assert from "node:assert";
import {
  conditionValues,
  isBroadManagedPolicy,
  isWildcardAction,
  parseDocument,
  trusts,
  wildcardGrants,
} from "../../../policy/rules/iam";
import { doc, smsTrustStatement } from "../fixtures";

describe("policy/rules/iam", () => {
  it("parses JSON text and PolicyDocument objects alike, normalising strings to lists", () => {
    const fromText = parseDocument(JSON.stringify(doc(smsTrustStatement())));
    const fromObject = parseDocument(doc(smsTrustStatement()));
    assert.deepStrictEqual(fromText, fromObject);
    assert.deepStrictEqual(fromText?.[0].actions, ["sts:AssumeRole"]);
    assert.deepStrictEqual(fromText?.[0].principals, { Service: ["cognito-idp.amazonaws.com"] });
  });
  it('accepts a single statement object and Principal "*"', () => {
    const s = parseDocument({ Statement: { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" } });
    assert.deepStrictEqual(s?.[0].principals, { "*": ["*"] });
  });
  it("returns undefined for text that is not JSON or a document without statements", () => {
    assert.strictEqual(parseDocument("not json"), undefined);
    assert.strictEqual(parseDocument({ Version: "2012-10-17" }), undefined);
    assert.strictEqual(parseDocument(42), undefined);
  });
  it("treats anything but Deny as Allow, so a misspelt effect is not trusted to restrict", () => {
    assert.strictEqual(parseDocument({ Statement: [{ Effect: "deny", Action: "*" }] })?.[0].effect, "Allow");
  });
  it("reads condition keys without case but operators exactly", () => {
    const [s] = parseDocument(doc(smsTrustStatement("abc"))) ?? [];
    assert.deepStrictEqual(conditionValues(s, "StringEquals", "STS:externalid"), ["abc"]);
    assert.strictEqual(conditionValues(s, "stringequals", "sts:ExternalId"), undefined);
  });
  it("finds wildcard actions and NotAction grants in Allow statements only", () => {
    assert.ok(isWildcardAction("s3:Get*") && isWildcardAction("*") && isWildcardAction("s3:Get?bject"));
    assert.ok(!isWildcardAction("s3:GetObject"));
    const statements =
      parseDocument(
        doc(
          { Effect: "Allow", Action: ["s3:GetObject", "s3:*"] },
          { Effect: "Allow", NotAction: "iam:*" },
          { Effect: "Deny", Action: "*" },
        ),
      ) ?? [];
    assert.deepStrictEqual(wildcardGrants(statements), [
      'allows wildcard action "s3:*"',
      'allows every action except ["iam:*"] (NotAction)',
    ]);
  });
  it("knows the broad AWS managed policies, in every partition, and nothing else", () => {
    assert.ok(isBroadManagedPolicy("arn:aws:iam::aws:policy/AmazonSNSFullAccess"));
    assert.ok(isBroadManagedPolicy("arn:aws-us-gov:iam::aws:policy/AdministratorAccess"));
    assert.ok(isBroadManagedPolicy("arn:aws:iam::aws:policy/PowerUserAccess"));
    assert.ok(!isBroadManagedPolicy("arn:aws:iam::aws:policy/AmazonCognitoReadOnly"));
    assert.ok(!isBroadManagedPolicy("arn:aws:iam::123456789012:policy/MyFullAccess"));
  });
  it("matches trusted principals by type and value, without case in the value", () => {
    const [s] = parseDocument(doc(smsTrustStatement())) ?? [];
    assert.ok(trusts(s, "Service", "Cognito-IDP.amazonaws.com"));
    assert.ok(!trusts(s, "Federated", "cognito-idp.amazonaws.com"));
  });
});
