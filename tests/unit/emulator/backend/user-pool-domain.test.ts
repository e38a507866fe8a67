import * as assert from "node:assert";
import { userPoolDomainCommand } from "../../../../emulator/backend/user-pool-domain";

describe("emulator/backend/user-pool-domain", () => {
  it("maps a prefix domain with its managed-login version", () => {
    const i = { domain: "auth-dev-7cb496", userPoolId: "us-east-1_abc", managedLoginVersion: 2 };
    assert.deepStrictEqual(userPoolDomainCommand(i), {
      Domain: "auth-dev-7cb496",
      UserPoolId: "us-east-1_abc",
      ManagedLoginVersion: 2,
    });
  });

  it("maps a custom domain's certificate to CustomDomainConfig", () => {
    const i = {
      domain: "auth.example.com",
      userPoolId: "us-east-1_abc",
      certificateArn: "arn:aws:acm:us-east-1:1:certificate/c",
    };
    assert.deepStrictEqual(userPoolDomainCommand(i), {
      Domain: "auth.example.com",
      UserPoolId: "us-east-1_abc",
      CustomDomainConfig: { CertificateArn: "arn:aws:acm:us-east-1:1:certificate/c" },
    });
  });
});
