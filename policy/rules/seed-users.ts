import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { type CognitoRule, PRODUCTION_KNOBS, productionReason } from "./common";
import { readConfig, schemaOf } from "./knobs";
import { ofType, tryRead } from "./links";
import { T } from "./types";

function shown(username: unknown, name: string): string {
  return typeof username === "string" ? JSON.stringify(username) : name;
}

/**
 * Test users with known or generated passwords are for development stacks. Checked on each user
 * before it is created (stack analysis runs only after `pulumi up` has created everything,
 * pulumi/pulumi#3366), so production here is what a single resource can see: a stack tag or the
 * stack name in its URN.
 */
export const noSeedUsersInProduction: CognitoRule = {
  name: "cognito-no-seed-users-in-production",
  description:
    "Production stacks (by stack tag or stack name) create no users (aws.cognito.User): seeded test accounts with known passwords are a back door into production. Checked before each user is created.",
  enforcementLevel: "mandatory",
  severity: "high",
  tags: ["cognito-auth:seed-users"],
  remediationSteps:
    "Remove the users from the production stack; create real users through sign-up or an admin process.",
  configSchema: schemaOf(PRODUCTION_KNOBS),
  validateResource: validateResourceOfType(aws.cognito.User, (user, args, report) => {
    const why = productionReason(readConfig(PRODUCTION_KNOBS, args), args.stackTags, [args.urn]);
    if (why === undefined) return;
    const username = tryRead(() => user.username).value;
    report(
      `The stack is production because ${why}, but it creates user ${shown(username, args.name)}. Fix: remove it (the aws.cognito.User resource; cognito-auth key: seedUsers {}).`,
    );
  }),
};

const poolTagKnobs = {
  productionTagKey: PRODUCTION_KNOBS.productionTagKey,
  productionTagValues: PRODUCTION_KNOBS.productionTagValues,
};

/**
 * The one production signal a user resource cannot see: a user pool of the stack tagged
 * production. Only a stack rule sees both, so this blocks `pulumi preview`, and fails `pulumi up`
 * only after the users exist.
 */
export const noSeedUsersWithProductionPool: CognitoRule = {
  name: "cognito-no-seed-users-with-production-pool",
  description:
    "Stacks with a user pool tagged production (environment: prod) create no users (aws.cognito.User), whatever the stack is called or tagged.",
  enforcementLevel: "mandatory",
  severity: "high",
  tags: ["cognito-auth:seed-users"],
  remediationSteps: "Remove the users from the stack, or tag its pools for the environment they really serve.",
  configSchema: schemaOf(poolTagKnobs),
  validateStack: (args, report) => {
    const cfg = { ...readConfig(poolTagKnobs, args), productionStacks: [] };
    const users = ofType(args.resources, T.user);
    if (users.length === 0) return args.notApplicable("the stack creates no users");
    const why = ofType(args.resources, T.userPool)
      .map((p) => productionReason(cfg, new Map(), [], () => p.props.tags))
      .find((r) => r !== undefined);
    if (why === undefined) return;
    for (const user of users) {
      const username = tryRead(() => user.props.username).value;
      report(
        `A user pool of the stack is production because ${why}, but the stack creates user ${shown(username, user.name)}. Fix: remove it (the aws.cognito.User resource; cognito-auth key: seedUsers {}).`,
        user.urn,
      );
    }
  },
};
