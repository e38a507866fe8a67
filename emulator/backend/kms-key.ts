/** `aws.kms.Key` inputs -> CreateKey (plus EnableKeyRotation, as the provider makes it). */

import {
  type CreateKeyCommandInput,
  type EnableKeyRotationCommandInput,
  KeySpec,
  KeyUsageType,
} from "@aws-sdk/client-kms";
import type * as aws from "@pulumi/aws";
import { dropUndefined, enumValue, type Resolved } from "./convert";
import { policyDocument } from "./iam";

export type KmsKeyInputs = Resolved<aws.kms.KeyArgs>;

export interface KmsKeyCommands {
  create: CreateKeyCommandInput;
  /** Without the key id, known once CreateKey answered; absent when rotation stays off. */
  rotation?: Omit<EnableKeyRotationCommandInput, "KeyId">;
}

export function kmsKeyCommands(i: KmsKeyInputs): KmsKeyCommands {
  const create: CreateKeyCommandInput = dropUndefined({
    Description: i.description,
    KeyUsage: enumValue(KeyUsageType, i.keyUsage, "keyUsage"),
    KeySpec: enumValue(KeySpec, i.customerMasterKeySpec, "customerMasterKeySpec"),
    Policy: i.policy ? policyDocument(i.policy, "policy") : undefined,
    MultiRegion: i.multiRegion,
    BypassPolicyLockoutSafetyCheck: i.bypassPolicyLockoutSafetyCheck,
    Tags:
      i.tags && Object.keys(i.tags).length
        ? Object.entries(i.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }))
        : undefined,
  });
  if (!i.enableKeyRotation) return { create };
  return { create, rotation: dropUndefined({ RotationPeriodInDays: i.rotationPeriodInDays }) };
}
