import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PoolConfig } from "../config/schema/pool";
import type { SeedUserConfig } from "../config/schema/seed-users";
import type { CognitoGroups } from "./groups";
import { Transform } from "./transform";

export interface SeedUsersArgs {
  /** `seedUsers` from the stack config, by username. */
  users: Record<string, SeedUserConfig>;
  userPoolId: pulumi.Input<string>;
  groups: CognitoGroups;
  /** Temporary passwords are generated to satisfy it. */
  passwordPolicy: PoolConfig["passwordPolicy"];
  usernameAttributes: string[];
  transform?: { user?: Transform<aws.cognito.UserArgs> };
}

/** TODO(issue 3): test users for non-prod stacks. */
export class SeedUsers extends pulumi.ComponentResource {
  /** Username -> temporary password (secret). */
  readonly passwords: Record<string, pulumi.Output<string>> = {};

  constructor(name: string, args: SeedUsersArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:SeedUsers", name, {}, opts);
    void args;
    this.registerOutputs({});
  }
}
