/**
 * Resource types the emulator (moto 5.2.5) cannot host, with the reason. A deploy into the
 * emulator takes their values from the offline backend and reports them; it never drops them.
 */
export const NOT_EMULATED: Readonly<Record<string, string>> = {
  "aws:cognito/riskConfiguration:RiskConfiguration":
    "moto has no SetRiskConfiguration: threat protection is not emulated",
  "aws:cognito/managedLoginBranding:ManagedLoginBranding":
    "moto has no managed-login branding API and serves no hosted UI",
  "aws:cognito/identityPoolRoleAttachment:IdentityPoolRoleAttachment": "moto has no SetIdentityPoolRoles (HTTP 500)",
  "aws:acm/certificate:Certificate":
    "a custom domain's certificate needs DNS validation; the emulator serves no custom domain",
  "aws:acm/certificateValidation:CertificateValidation":
    "ACM validation waits for DNS records that do not exist locally",
  "aws:route53/record:Record": "no DNS is served locally",
  "aws:lambda/permission:Permission": "trigger functions do not exist in the emulator and moto never invokes triggers",
  "aws:ses/domainIdentity:DomainIdentity":
    "the emulator sends no email (the project has no SES SDK client; moto's SES is not wired to Cognito)",
  "aws:ses/domainIdentityVerification:DomainIdentityVerification":
    "SES verification waits for DNS records that do not exist locally",
  "aws:ses/domainDkim:DomainDkim": "the emulator sends no email, so it signs none (no SES SDK client in the project)",
};

/** Values computed locally with no cloud counterpart: taken from the offline backend, not reported. */
export const LOCAL_TYPES: readonly string[] = [
  "pulumi:providers:aws",
  "pulumi:providers:random",
  "random:index/randomId:RandomId",
  "random:index/randomString:RandomString",
  "random:index/randomPassword:RandomPassword",
  "random:index/randomUuid:RandomUuid",
];
