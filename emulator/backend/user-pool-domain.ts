/** `aws.cognito.UserPoolDomain` inputs -> CreateUserPoolDomain. */

import type { CreateUserPoolDomainCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import type * as aws from "@pulumi/aws";
import { dropUndefined, type Resolved, required } from "./convert";

export type UserPoolDomainInputs = Resolved<aws.cognito.UserPoolDomainArgs>;

export function userPoolDomainCommand(i: UserPoolDomainInputs): CreateUserPoolDomainCommandInput {
  const input: CreateUserPoolDomainCommandInput = {
    Domain: required(i.domain, "domain"),
    UserPoolId: required(i.userPoolId, "userPoolId"),
    ManagedLoginVersion: i.managedLoginVersion,
    CustomDomainConfig: i.certificateArn ? { CertificateArn: i.certificateArn } : undefined,
  };
  return dropUndefined(input);
}
