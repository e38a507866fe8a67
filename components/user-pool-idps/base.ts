import type * as pulumi from "@pulumi/pulumi";

/**
 * Every key Cognito reports back on read for one provider, spelled out so previews show no diff
 * (pulumi-aws#679, #6411). Client secrets and private keys are Pulumi secrets.
 */
export type ProviderDetails = Record<string, pulumi.Input<string>>;

/** Cognito stores provider-detail flags as the strings "true"/"false". */
export function flag(value: boolean | undefined): "true" | "false" {
  return value === true ? "true" : "false";
}
