import type * as AwsNative from "@pulumi/aws-native";

/**
 * `@pulumi/aws-native`, loaded on first use: its import costs about 0.4 s of module loading (its
 * enums load eagerly), which every stack without replication would otherwise pay at each start.
 */
export function awsNative(): typeof AwsNative {
  return require("@pulumi/aws-native") as typeof AwsNative;
}
