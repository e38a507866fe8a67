import type { CognitoRule } from "./common";
import { schemaOf } from "./knobs";
import { linked, ofType } from "./links";
import { T } from "./types";

/** U12: a WAF web ACL in front of the pool's public endpoints (rate limits, bot control, IP reputation). */
export const wafAssociation: CognitoRule = {
  name: "cognito-user-pool-waf",
  description:
    "Each user pool is associated with an AWS WAF web ACL, which rate-limits and filters requests to its public sign-in endpoints and hosted UI.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: ["prowler:cognito_user_pool_waf_acl_attached", "cloudsploit:cognitoHasWafEnabled"],
  remediationSteps: "Add an aws.wafv2.WebAclAssociation with resourceArn set to the pool's arn (a REGIONAL web ACL).",
  configSchema: schemaOf({}),
  validateStack: (args, report) => {
    const pools = ofType(args.resources, T.userPool);
    if (pools.length === 0) return args.notApplicable("the stack has no user pool");
    const associations = ofType(args.resources, T.webAclAssociation);
    const covered = new Set(associations.flatMap((a) => linked(a, "resourceArn", pools, () => a.props.resourceArn)));
    for (const pool of pools.filter((p) => !covered.has(p))) {
      report(
        `User pool ${pool.name} has no WAF web ACL association. Fix: associate a regional aws.wafv2.WebAcl through aws.wafv2.WebAclAssociation { resourceArn: pool.arn } (on aws.wafv2.WebAclAssociation; cognito-auth key: waf.enabled).`,
        pool.urn,
      );
    }
  },
};
