import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { functionArchive, NODE_RUNTIME } from "./lambda-bundle";
import { applyTransform, type Transform } from "./transform";

/** A named IAM statement: one action list on named resources. */
export interface FunctionStatement {
  sid: string;
  actions: string[];
  resources: pulumi.Input<string>[];
  condition?: Record<string, Record<string, pulumi.Input<string>>>;
}

export interface BundledFunctionArgs {
  /** File in functions/ (`post-confirmation.ts`). */
  file: string;
  /** The function's name, also its log group's (`/aws/lambda/<name>`). */
  functionName: string;
  description: string;
  environment?: Record<string, pulumi.Input<string>>;
  /** What the function may do beyond writing its own logs. @default none */
  statements?: FunctionStatement[];
  logRetentionDays: number;
  /** Seconds. @default 5 */
  timeout?: number;
  tags?: Record<string, string>;
  transform?: {
    role?: Transform<aws.iam.RoleArgs>;
    policy?: Transform<aws.iam.RolePolicyArgs>;
    logGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
    function?: Transform<aws.lambda.FunctionArgs>;
  };
}

/** Policy document of named statements; conditions kept as given. */
export function policyDocument(statements: FunctionStatement[]): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      Sid: s.sid,
      Effect: "Allow",
      Action: s.actions,
      Resource: s.resources,
      ...(s.condition ? { Condition: s.condition } : {}),
    })),
  });
}

/**
 * A function from functions/, bundled by esbuild, with its own role (trusted by Lambda of this
 * account only), a log group with retention, and a policy that names every action and resource.
 */
export class BundledFunction extends pulumi.ComponentResource {
  readonly role: aws.iam.Role;
  readonly policy: aws.iam.RolePolicy;
  readonly logGroup: aws.cloudwatch.LogGroup;
  readonly function: aws.lambda.Function;
  readonly arn: pulumi.Output<string>;

  constructor(name: string, args: BundledFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:BundledFunction", name, {}, opts);
    const t = args.transform ?? {};
    const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
    this.role = new aws.iam.Role(
      ...applyTransform(
        t.role,
        `${name}-role`,
        {
          description: `Runs the ${args.functionName} function`,
          assumeRolePolicy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Principal: { Service: "lambda.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": account } },
              },
            ],
          }),
          tags: args.tags,
        },
        { parent: this },
      ),
    );
    this.logGroup = new aws.cloudwatch.LogGroup(
      ...applyTransform(
        t.logGroup,
        `${name}-logs`,
        { name: `/aws/lambda/${args.functionName}`, retentionInDays: args.logRetentionDays, tags: args.tags },
        { parent: this },
      ),
    );
    this.policy = new aws.iam.RolePolicy(
      ...applyTransform(
        t.policy,
        `${name}-policy`,
        {
          role: this.role.id,
          policy: policyDocument([
            {
              sid: "WriteOwnLogs",
              actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
              resources: [pulumi.interpolate`${this.logGroup.arn}:*`],
            },
            ...(args.statements ?? []),
          ]),
        },
        { parent: this },
      ),
    );
    this.function = new aws.lambda.Function(
      ...applyTransform(
        t.function,
        `${name}-function`,
        {
          name: args.functionName,
          description: args.description,
          role: this.role.arn,
          runtime: NODE_RUNTIME,
          handler: "index.handler",
          code: functionArchive(args.file),
          timeout: args.timeout ?? 5,
          memorySize: 256,
          architectures: ["arm64"],
          environment: args.environment ? { variables: args.environment } : undefined,
          loggingConfig: { logFormat: "JSON", logGroup: this.logGroup.name },
          tags: args.tags,
        },
        // The policy first, so the first invocation can already log.
        { parent: this, dependsOn: [this.policy] },
      ),
    );
    this.arn = this.function.arn;
    this.registerOutputs({ arn: this.arn, roleArn: this.role.arn, logGroup: this.logGroup.name });
  }
}
