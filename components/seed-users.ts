import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { type CustomAttributeModel, type PoolModel, type SeedUserModel, STANDARD_ATTRIBUTES } from "../config/model";
import type { CognitoGroups } from "./groups";
import { applyTransform, type Transform } from "./transform";

export interface SeedUsersArgs {
  /** `seedUsers` from the stack config, by username (validation refuses any in prod). @default the dev preset's admin and customer */
  users: Record<string, SeedUserModel>;
  /** The user pool the resources belong to. */
  userPoolId: pulumi.Input<string>;
  /** The pool's groups; memberships wait for them. */
  groups: CognitoGroups;
  /** Temporary passwords are generated to satisfy it. */
  passwordPolicy: PoolModel["passwordPolicy"];
  /** The pool's sign-in attributes: an email username also becomes the (verified) email. @default [] */
  usernameAttributes: string[];
  /** The pool's custom attributes (`pool.schemas`): the ones a seed user does not set are the app's. @default [] */
  customAttributes?: CustomAttributeModel[];
  /** Override any child's args. @default none */
  transform?: {
    user?: Transform<aws.cognito.UserArgs>;
    password?: Transform<random.RandomPasswordArgs>;
    membership?: Transform<aws.cognito.UserInGroupArgs>;
  };
}

/**
 * Special characters for generated passwords: ones Cognito accepts in passwords, minus quotes,
 * backslash, `$`, backtick, `&`, `<`, `>` and space, so a password survives shells, JSON and URLs.
 */
export const PASSWORD_SPECIALS = "!#%*+-.=?@^_~";
/** Generated passwords are never shorter than this, whatever the policy's minimum. */
export const MIN_GENERATED_LENGTH = 16;

/** `random.RandomPassword` args whose every result satisfies the pool's password policy. */
export function passwordArgs(policy: PoolModel["passwordPolicy"]): random.RandomPasswordArgs {
  return {
    length: Math.max(policy.minimumLength, MIN_GENERATED_LENGTH),
    upper: true,
    lower: true,
    numeric: true,
    special: true,
    overrideSpecial: PASSWORD_SPECIALS,
    minUpper: policy.requireUppercase ? 1 : 0,
    minLower: policy.requireLowercase ? 1 : 0,
    minNumeric: policy.requireNumbers ? 1 : 0,
    minSpecial: policy.requireSymbols ? 1 : 0,
  };
}

/**
 * The user's attributes as `aws.cognito.User` takes them. An email (phone) username is also the
 * verified email (phone number). Custom attributes go without their `custom:` prefix, because the
 * provider reads them back that way and would otherwise show a diff on every preview.
 */
export function userAttributes(
  username: string,
  configured: Record<string, string> | undefined,
  usernameAttributes: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  if (usernameAttributes.includes("email") && username.includes("@"))
    Object.assign(out, { email: username, email_verified: "true" });
  else if (usernameAttributes.includes("phone_number") && username.startsWith("+"))
    Object.assign(out, { phone_number: username, phone_number_verified: "true" });
  for (const [name, value] of Object.entries(configured ?? {}))
    out[name.startsWith("custom:") ? name.slice("custom:".length) : name] = value;
  if (out.email !== undefined && out.email_verified === undefined) out.email_verified = "true";
  return out;
}

/** `attributes.<key>`, or `attributes["<key>"]` when the key is not a plain identifier (Pulumi property paths). */
function attributePath(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `attributes.${key}` : `attributes[${JSON.stringify(key)}]`;
}

/**
 * The `ignoreChanges` paths of a seed user: every attribute of the pool the stack does not set, in
 * the key form the provider reads back (custom ones unprefixed, developer-only ones as
 * `dev:custom:<name>`). The app writes those (`custom:last_login` at each sign-in, a profile the
 * user edits), so `pulumi up --refresh` must not revert them. What the stack does set it owns: a
 * changed seed value is applied, and a drifted one is reset to it.
 */
export function appWrittenAttributePaths(
  stackOwned: readonly string[],
  customAttributes: CustomAttributeModel[],
): string[] {
  const owned = new Set(stackOwned);
  const keys = [
    ...STANDARD_ATTRIBUTES,
    ...customAttributes.map((a) => (a.developerOnlyAttribute ? `dev:custom:${a.name}` : a.name)),
  ];
  return [...new Set(keys)].filter((k) => !owned.has(k)).map(attributePath);
}

/**
 * Test users for non-prod stacks: created by the admin API with no invitation sent (`SUPPRESS`),
 * each with a generated temporary password (a secret) that must be changed at first sign-in, and
 * added to their groups. Attributes the seed does not set belong to the app (appWrittenAttributePaths).
 */
export class SeedUsers extends pulumi.ComponentResource {
  /** Username -> temporary password (secret). */
  readonly passwords: Record<string, pulumi.Output<string>> = {};
  /** Username -> the groups the user was added to. */
  readonly users: Record<string, { groups: string[] }> = {};
  /** Username -> user resource. */
  readonly userResources: Record<string, aws.cognito.User> = {};
  readonly memberships: aws.cognito.UserInGroup[] = [];

  constructor(name: string, args: SeedUsersArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:SeedUsers", name, {}, opts);
    const t = args.transform ?? {};
    for (const [username, u] of Object.entries(args.users)) {
      const password = new random.RandomPassword(
        ...applyTransform(t.password, `${name}-${username}-password`, passwordArgs(args.passwordPolicy), {
          parent: this,
        }),
      );
      const temporaryPassword = pulumi.secret(password.result);
      const attributes = userAttributes(username, u.attributes, args.usernameAttributes);
      const user = new aws.cognito.User(
        ...applyTransform(
          t.user,
          `${name}-${username}`,
          {
            userPoolId: args.userPoolId,
            username,
            attributes,
            messageAction: "SUPPRESS",
            temporaryPassword,
          },
          {
            parent: this,
            ignoreChanges: appWrittenAttributePaths(Object.keys(attributes), args.customAttributes ?? []),
          },
        ),
      );
      for (const g of u.groups) {
        const group = args.groups.groups[g];
        if (group === undefined)
          throw new Error(`seed user ${username}: no group ${g} (config validation should have refused this)`);
        this.memberships.push(
          new aws.cognito.UserInGroup(
            ...applyTransform(
              t.membership,
              `${name}-${username}-${g}`,
              {
                userPoolId: args.userPoolId,
                groupName: group.name,
                username: user.username,
              },
              { parent: this, dependsOn: [group] },
            ),
          ),
        );
      }
      this.passwords[username] = temporaryPassword;
      this.users[username] = { groups: [...u.groups] };
      this.userResources[username] = user;
    }
    this.registerOutputs({ usernames: Object.keys(this.users), passwords: this.passwords });
  }
}
