/**
 * `aws.cloudwatch.LogGroup` and `aws.cloudwatch.LogResourcePolicy` inputs -> CreateLogGroup (plus
 * PutRetentionPolicy, as the provider makes it) and PutResourcePolicy.
 */

import type {
  CreateLogGroupCommandInput,
  PutResourcePolicyCommandInput,
  PutRetentionPolicyCommandInput,
} from "@aws-sdk/client-cloudwatch-logs";
import type * as aws from "@pulumi/aws";
import { dropUndefined, type Resolved, required } from "./convert";
import { policyDocument } from "./iam";

export type LogGroupInputs = Resolved<aws.cloudwatch.LogGroupArgs>;
export type LogResourcePolicyInputs = Resolved<aws.cloudwatch.LogResourcePolicyArgs>;

export interface LogGroupCommands {
  create: CreateLogGroupCommandInput;
  /** Absent when the group keeps its events forever (no `retentionInDays`). */
  retention?: PutRetentionPolicyCommandInput;
}

/** The group's name: the given one, else `<namePrefix><suffix>`, else `<logical name>-<suffix>`. */
export function logGroupName(i: LogGroupInputs, logicalName: string, suffix: string): string {
  return i.name ?? `${i.namePrefix ?? `${logicalName}-`}${suffix}`;
}

export function logGroupCommands(i: LogGroupInputs, name: string): LogGroupCommands {
  const create = dropUndefined({
    logGroupName: name,
    kmsKeyId: i.kmsKeyId || undefined,
    tags: i.tags && Object.keys(i.tags).length ? i.tags : undefined,
  });
  return i.retentionInDays
    ? { create, retention: { logGroupName: name, retentionInDays: i.retentionInDays } }
    : { create };
}

/** The ARN the provider reports: without the `:*` that DescribeLogGroups appends. */
export function logGroupArn(region: string, account: string, name: string): string {
  return `arn:aws:logs:${region}:${account}:log-group:${name}`;
}

export function logResourcePolicyCommand(i: LogResourcePolicyInputs): PutResourcePolicyCommandInput {
  return {
    policyName: required(i.policyName, "policyName"),
    policyDocument: policyDocument(i.policyDocument, "policyDocument"),
  };
}
