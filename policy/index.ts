import { PolicyPack } from "@pulumi/policy";
import { RULES } from "./rules";

/**
 * The pack. Constructing a PolicyPack starts the analyzer's gRPC server (and exits the process on a
 * bad rule), so this is the only module that does it: tests and the offline plan import ./rules.
 * With no --policy-pack-config every rule runs at its own default level.
 */
new PolicyPack("cognito-auth-policy", {
  description:
    "Cognito security rules: user pools, app clients, SMS and identity-pool roles, identity pools, seed users.",
  displayName: "Cognito auth policy",
  provider: "aws",
  tags: ["aws", "cognito", "security"],
  policies: RULES,
});
