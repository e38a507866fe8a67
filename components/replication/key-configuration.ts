import * as pulumi from "@pulumi/pulumi";
import { applyTransform, type Transform } from "../transform";

/**
 * How the pool gets its key and issuer configuration (the decision, README "Multi-Region
 * replication"): the pool stays an `aws.cognito.UserPool`, which has no `keyConfiguration` in
 * @pulumi/aws 7.48, and this resource sets the two properties with one Cloud Control
 * `UpdateResource` JSON patch on `AWS::Cognito::UserPool`. A patch names only the properties it
 * changes, so nothing else on the pool is reset (Cognito's `UpdateUserPool` resets what it is not
 * given). Switching the pool to `aws-native` would move every user to a new resource: Pulumi
 * deletes and creates across types (an alias cannot cross providers), protect blocks it on prod,
 * and an `import` path means hand surgery on state for every existing stack. The patch changes no
 * resource the pool already has.
 */
export interface KeyConfigurationInputs {
  userPoolId: string;
  /** The pool's region (Cloud Control is regional). */
  region: string;
  /** Customer-managed multi-Region key ARN. */
  kmsKeyArn: string;
  issuer: "UPDATED" | "ORIGINAL";
  /**
   * The pool's `lastModifiedDate`: any change to the pool re-applies the patch, in case an update
   * by the pool's own provider (which does not know these properties) reset them.
   */
  poolLastModified?: string;
}

/** The JSON patch Cloud Control applies to the pool; only these two properties. */
export function keyConfigurationPatch(i: Pick<KeyConfigurationInputs, "kmsKeyArn" | "issuer">): string {
  return JSON.stringify([
    { op: "add", path: "/KeyConfiguration", value: { KeyType: "CUSTOMER_MANAGED_KEY", KmsKeyArn: i.kmsKeyArn } },
    { op: "add", path: "/IssuerConfiguration", value: { Type: i.issuer } },
  ]);
}

/** The part of the Cloud Control client this resource uses; tests pass a fake. */
export interface CloudControlLike {
  update(req: { TypeName: string; Identifier: string; PatchDocument: string }): Promise<string>;
  status(requestToken: string): Promise<{ OperationStatus?: string; StatusMessage?: string; ErrorCode?: string }>;
}

/** Applies the patch and waits until Cloud Control reports it done; throws with Cloud Control's message on failure. */
export async function applyKeyConfiguration(
  cc: CloudControlLike,
  i: KeyConfigurationInputs,
  opts: { pollMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const pollMs = opts.pollMs ?? 5000;
  const deadline = Date.now() + (opts.timeoutMs ?? 15 * 60_000);
  const token = await cc.update({
    TypeName: "AWS::Cognito::UserPool",
    Identifier: i.userPoolId,
    PatchDocument: keyConfigurationPatch(i),
  });
  for (;;) {
    const s = await cc.status(token);
    if (s.OperationStatus === "SUCCESS") return;
    if (s.OperationStatus === "FAILED" || s.OperationStatus === "CANCEL_COMPLETE")
      throw new Error(
        `setting the key configuration of ${i.userPoolId} failed: ${s.ErrorCode ?? ""} ${s.StatusMessage ?? ""}`.trim(),
      );
    if (Date.now() > deadline) throw new Error(`setting the key configuration of ${i.userPoolId} timed out`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** What the dynamic provider compares: a change to any of these re-applies the patch. */
export function keyConfigurationChanged(olds: KeyConfigurationInputs, news: KeyConfigurationInputs): boolean {
  return (["userPoolId", "region", "kmsKeyArn", "issuer", "poolLastModified"] as const).some(
    (k) => olds[k] !== news[k],
  );
}

const provider: pulumi.dynamic.ResourceProvider<KeyConfigurationInputs, KeyConfigurationInputs> = {
  async create(inputs) {
    await applyKeyConfiguration(cloudControl(inputs.region), inputs);
    return { id: inputs.userPoolId, outs: inputs };
  },
  async diff(_id, olds, news) {
    return {
      changes: keyConfigurationChanged(olds, news),
      replaces: olds.userPoolId !== news.userPoolId ? ["userPoolId"] : [],
    };
  },
  async update(_id, _olds, news) {
    await applyKeyConfiguration(cloudControl(news.region), news);
    return { outs: news };
  },
  // Never reverts: a replicated pool must keep its key, and Cognito refuses a key change while a
  // replica exists. To go back, delete the replica, then set AWS_OWNED_KEY by hand (README runbook).
  async delete() {},
};

/** A Cloud Control client for the region, loaded when the provider runs (the serialized provider captures no SDK). */
function cloudControl(region: string): CloudControlLike {
  const sdk = require("@aws-sdk/client-cloudcontrol") as typeof import("@aws-sdk/client-cloudcontrol");
  const client = new sdk.CloudControlClient({ region });
  return {
    async update(req) {
      const r = await client.send(new sdk.UpdateResourceCommand(req));
      return r.ProgressEvent?.RequestToken ?? "";
    },
    async status(token) {
      const r = await client.send(new sdk.GetResourceRequestStatusCommand({ RequestToken: token }));
      return r.ProgressEvent ?? {};
    },
  };
}

export type UserPoolKeyConfigurationArgs = {
  [K in keyof KeyConfigurationInputs]: pulumi.Input<KeyConfigurationInputs[K]>;
};

const MODULE = "cognito";
const TYPE = "UserPoolKeyConfiguration";

/** The pool's `KeyConfiguration` and `IssuerConfiguration`, set by a Cloud Control patch (see above). */
export class UserPoolKeyConfiguration extends pulumi.dynamic.Resource {
  /** The token pulumi.dynamic.Resource registers (`pulumi-nodejs:dynamic/<module>:<type>`), as SDK classes carry theirs. */
  static readonly __pulumiType = `pulumi-nodejs:dynamic/${MODULE}:${TYPE}`;
  declare readonly kmsKeyArn: pulumi.Output<string>;
  declare readonly issuer: pulumi.Output<string>;

  constructor(
    name: string,
    args: UserPoolKeyConfigurationArgs,
    opts: pulumi.CustomResourceOptions,
    transform?: Transform<UserPoolKeyConfigurationArgs>,
  ) {
    const [n, a, o] = applyTransform(transform, name, { ...args }, opts);
    super(provider, n, a, o, MODULE, TYPE);
  }
}
