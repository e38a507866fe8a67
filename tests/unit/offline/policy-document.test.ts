import * as assert from "node:assert";
import { renderPolicyDocument } from "../../../offline/policy-document";
import { parseDocument } from "../../../policy/rules/iam";

describe("offline/policy-document (getPolicyDocument offline)", () => {
  it("renders statements as the provider does: one-element lists as strings, principals and conditions as maps", () => {
    const json = renderPolicyDocument({
      statements: [
        {
          sid: "CognitoSms",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["cognito-idp.amazonaws.com"] }],
          conditions: [{ test: "StringEquals", variable: "sts:ExternalId", values: ["ext-1"] }],
        },
        { effect: "Deny", actions: ["sns:Publish", "sns:Subscribe"], resources: ["arn:aws:sns:*:*:*"] },
      ],
    });
    assert.deepStrictEqual(JSON.parse(json), {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "CognitoSms",
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: { Service: "cognito-idp.amazonaws.com" },
          Condition: { StringEquals: { "sts:ExternalId": "ext-1" } },
        },
        { Effect: "Deny", Action: ["sns:Publish", "sns:Subscribe"], Resource: "arn:aws:sns:*:*:*" },
      ],
    });
  });
  it('writes a wildcard principal as "*" and merges repeated principal types and condition keys', () => {
    const star = JSON.parse(
      renderPolicyDocument({
        statements: [{ actions: ["s3:GetObject"], principals: [{ type: "*", identifiers: ["*"] }] }],
      }),
    );
    assert.strictEqual(star.Statement[0].Principal, "*");
    const merged = JSON.parse(
      renderPolicyDocument({
        statements: [
          {
            actions: ["sts:AssumeRole"],
            principals: [
              { type: "AWS", identifiers: ["arn:aws:iam::1:root"] },
              { type: "AWS", identifiers: ["arn:aws:iam::2:root"] },
            ],
            conditions: [
              { test: "StringEquals", variable: "aws:SourceAccount", values: ["1"] },
              { test: "StringEquals", variable: "aws:SourceAccount", values: ["2"] },
            ],
          },
        ],
      }),
    );
    assert.deepStrictEqual(merged.Statement[0].Principal, { AWS: ["arn:aws:iam::1:root", "arn:aws:iam::2:root"] });
    assert.deepStrictEqual(merged.Statement[0].Condition, { StringEquals: { "aws:SourceAccount": ["1", "2"] } });
  });
  it("is read back by the pack's own policy parser", () => {
    const statements = parseDocument(
      renderPolicyDocument({ statements: [{ notActions: ["iam:*"], resources: ["*"] }] }),
    );
    assert.deepStrictEqual(statements?.[0].notActions, ["iam:*"]);
    assert.strictEqual(statements?.[0].effect, "Allow");
  });
});
