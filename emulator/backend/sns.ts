/**
 * `aws.sns.Topic`, `aws.sns.TopicPolicy` and `aws.sns.TopicSubscription` inputs -> CreateTopic,
 * SetTopicAttributes (Policy) and Subscribe.
 */

import type {
  CreateTopicCommandInput,
  SetTopicAttributesCommandInput,
  SubscribeCommandInput,
} from "@aws-sdk/client-sns";
import type * as aws from "@pulumi/aws";
import { dropUndefined, type Resolved, required } from "./convert";
import { policyDocument } from "./iam";

export type TopicInputs = Resolved<aws.sns.TopicArgs>;
export type TopicPolicyInputs = Resolved<aws.sns.TopicPolicyArgs>;
export type TopicSubscriptionInputs = Resolved<aws.sns.TopicSubscriptionArgs>;

/** The topic's name: the given one, else `<namePrefix><suffix>`, else `<logical name>-<suffix>`. */
export function topicName(i: TopicInputs, logicalName: string, suffix: string): string {
  return i.name ?? `${i.namePrefix ?? `${logicalName}-`}${suffix}`;
}

export function topicCommand(i: TopicInputs, name: string): CreateTopicCommandInput {
  const attributes: Record<string, string> = dropUndefined({
    KmsMasterKeyId: i.kmsMasterKeyId || undefined,
    DisplayName: i.displayName || undefined,
    Policy: i.policy ? policyDocument(i.policy, "policy") : undefined,
    FifoTopic: i.fifoTopic ? "true" : undefined,
  }) as Record<string, string>;
  return dropUndefined({
    Name: name,
    Attributes: Object.keys(attributes).length ? attributes : undefined,
    Tags:
      i.tags && Object.keys(i.tags).length ? Object.entries(i.tags).map(([Key, Value]) => ({ Key, Value })) : undefined,
  });
}

export function topicPolicyCommand(i: TopicPolicyInputs): SetTopicAttributesCommandInput {
  return {
    TopicArn: required(i.arn, "arn"),
    AttributeName: "Policy",
    AttributeValue: policyDocument(i.policy, "policy"),
  };
}

export function topicSubscriptionCommand(i: TopicSubscriptionInputs): SubscribeCommandInput {
  return {
    TopicArn: required(typeof i.topic === "string" ? i.topic : undefined, "topic (an ARN)"),
    Protocol: required(i.protocol, "protocol"),
    Endpoint: required(i.endpoint, "endpoint"),
    // Without it an email subscription answers "pending confirmation" instead of its ARN.
    ReturnSubscriptionArn: true,
  };
}
