/**
 * Pulumi type tokens of the resources the rules read. `__pulumiType` is not in the @pulumi/aws
 * typings, so the tokens are spelled out here (a test checks them against the classes).
 */
export const T = {
  userPool: "aws:cognito/userPool:UserPool",
  userPoolClient: "aws:cognito/userPoolClient:UserPoolClient",
  managedUserPoolClient: "aws:cognito/managedUserPoolClient:ManagedUserPoolClient",
  identityProvider: "aws:cognito/identityProvider:IdentityProvider",
  riskConfiguration: "aws:cognito/riskConfiguration:RiskConfiguration",
  user: "aws:cognito/user:User",
  identityPool: "aws:cognito/identityPool:IdentityPool",
  identityPoolRoleAttachment: "aws:cognito/identityPoolRoleAttachment:IdentityPoolRoleAttachment",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
  policy: "aws:iam/policy:Policy",
  webAclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
  lambdaPermission: "aws:lambda/permission:Permission",
  logDeliveryConfiguration: "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration",
} as const;
