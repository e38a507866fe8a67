import { CognitoRule, PRODUCTION_KNOBS, productionReason } from "./common";
import { readConfig, schemaOf } from "./knobs";
import { ofType, tryRead } from "./links";
import { T } from "./types";

/**
 * Test users with known or generated passwords are for development stacks. A stack is production by
 * stack tag, by stack name, or because one of its user pools is tagged production.
 */
export const noSeedUsersInProduction: CognitoRule = {
  name: "cognito-no-seed-users-in-production",
  description: "Production stacks create no users (aws.cognito.User): seeded test accounts with known passwords are a back door into production.",
  enforcementLevel: "mandatory",
  severity: "high",
  tags: ["cognito-auth:seed-users"],
  remediationSteps: "Remove the users from the production stack; create real users through sign-up or an admin process.",
  configSchema: schemaOf(PRODUCTION_KNOBS),
  validateStack: (args, report) => {
    const cfg = readConfig(PRODUCTION_KNOBS, args);
    const users = ofType(args.resources, T.user);
    if (users.length === 0) return args.notApplicable("the stack creates no users");
    const pools = ofType(args.resources, T.userPool);
    const why = productionReason(cfg, args.stackTags, users.map((u) => u.urn))
      ?? pools.map((p) => productionReason(cfg, new Map(), [], () => p.props.tags)).find((r) => r !== undefined);
    if (why === undefined) return;
    for (const user of users) {
      const username = tryRead(() => user.props.username).value;
      report(`The stack is production (${why}) but creates user ${typeof username === "string" ? JSON.stringify(username) : user.name}. Fix: remove it (cognito-auth: seedUsers {}).`, user.urn);
    }
  },
};
