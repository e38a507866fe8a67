/**
 * `aws.wafv2.WebAcl`, `aws.wafv2.WebAclAssociation` and `aws.wafv2.WebAclLoggingConfiguration`
 * inputs -> CreateWebACL, AssociateWebACL and PutLoggingConfiguration.
 *
 * moto stores a web ACL's rules as given and evaluates none of them (it filters no request), so the
 * mapping must keep every member the SDK knows: the SDK's serializer drops unknown keys silently.
 */

import type {
  AssociateWebACLCommandInput,
  CreateWebACLCommandInput,
  FieldToMatch,
  PutLoggingConfigurationCommandInput,
  Rule,
} from "@aws-sdk/client-wafv2";
import type * as aws from "@pulumi/aws";
import { dropUndefined, MappingError, type Resolved, required } from "./convert";

export type WebAclInputs = Resolved<aws.wafv2.WebAclArgs>;
export type WebAclAssociationInputs = Resolved<aws.wafv2.WebAclAssociationArgs>;
export type WebAclLoggingInputs = Resolved<aws.wafv2.WebAclLoggingConfigurationArgs>;

/** WAFv2 members whose API name is not the provider's name with a capital first letter. */
const RENAMED: Readonly<Record<string, string>> = {
  cloudwatchMetricsEnabled: "CloudWatchMetricsEnabled",
  ipSetReferenceStatement: "IPSetReferenceStatement",
  ipSetForwardedIpConfig: "IPSetForwardedIPConfig",
  forwardedIpConfig: "ForwardedIPConfig",
  arn: "ARN",
  awsManagedRulesAtpRuleSet: "AWSManagedRulesATPRuleSet",
  awsManagedRulesAcfpRuleSet: "AWSManagedRulesACFPRuleSet",
  awsManagedRulesBotControlRuleSet: "AWSManagedRulesBotControlRuleSet",
  awsManagedRulesAntiDdosRuleSet: "AWSManagedRulesAntiDDoSRuleSet",
};

/** The provider's camelCase WAF structures (statements, actions, visibility) in the API's PascalCase. */
export function wafApiShape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(wafApiShape);
  if (typeof v !== "object" || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    out[RENAMED[k] ?? `${k.charAt(0).toUpperCase()}${k.slice(1)}`] = wafApiShape(x);
  }
  return out;
}

const pairs = (tags: Record<string, string> | undefined) =>
  tags && Object.keys(tags).length ? Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) : undefined;

export function webAclCommand(i: WebAclInputs, name: string): CreateWebACLCommandInput {
  if (i.ruleJson && i.rules?.length) throw new MappingError("rules and ruleJson are exclusive");
  // ruleJson is already in the API's shape.
  const rules = (i.ruleJson ? JSON.parse(i.ruleJson) : wafApiShape(i.rules ?? [])) as Rule[];
  if (!i.visibilityConfig) throw new MappingError("visibilityConfig is required");
  if (!i.defaultAction) throw new MappingError("defaultAction is required");
  const scope = required(i.scope, "scope");
  if (scope !== "REGIONAL" && scope !== "CLOUDFRONT")
    throw new MappingError(`scope: "${scope}" is not REGIONAL or CLOUDFRONT`);
  return dropUndefined({
    Name: name,
    Scope: scope,
    Description: i.description,
    DefaultAction: wafApiShape(i.defaultAction) as CreateWebACLCommandInput["DefaultAction"],
    Rules: rules,
    VisibilityConfig: wafApiShape(i.visibilityConfig) as CreateWebACLCommandInput["VisibilityConfig"],
    Tags: pairs(i.tags),
  });
}

export function webAclAssociationCommand(i: WebAclAssociationInputs): AssociateWebACLCommandInput {
  return { WebACLArn: required(i.webAclArn, "webAclArn"), ResourceArn: required(i.resourceArn, "resourceArn") };
}

export function webAclLoggingCommand(i: WebAclLoggingInputs): PutLoggingConfigurationCommandInput {
  const destinations = i.logDestinationConfigs ?? [];
  if (!destinations.length) throw new MappingError("logDestinationConfigs is required");
  return {
    LoggingConfiguration: dropUndefined({
      ResourceArn: required(i.resourceArn, "resourceArn"),
      LogDestinationConfigs: destinations,
      RedactedFields: i.redactedFields?.length ? (wafApiShape(i.redactedFields) as FieldToMatch[]) : undefined,
    }),
  };
}
