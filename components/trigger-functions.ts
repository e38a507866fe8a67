import * as pulumi from "@pulumi/pulumi";
import type { TriggerFunctionsModel } from "../config/model";
import { senderAddress } from "../config/model/messaging";
import { BundledFunction, type BundledFunctionArgs, type FunctionStatement } from "./bundled-function";
import type { BuiltTriggerArns } from "./user-pool-triggers";

export interface TriggerFunctionsArgs {
  functions: TriggerFunctionsModel;
  /** Prefix of every function name (the pool's name). */
  namePrefix: string;
  /** The stack's SES identity (Messaging), used when `sender.sourceArn` is not set. @default none */
  sesSourceArn?: pulumi.Input<string>;
  tags?: Record<string, string>;
  /** Applied to each function's children; the resource name tells them apart. @default none */
  transform?: BundledFunctionArgs["transform"];
}

/** Send as the one SES identity, from the one address. */
function sendEmailStatement(sourceArn: pulumi.Input<string>, from: string): FunctionStatement {
  const address = senderAddress(from);
  return {
    sid: "SendAsStackIdentity",
    actions: ["ses:SendEmail"],
    resources: [sourceArn],
    ...(address ? { condition: { StringEquals: { "ses:FromAddress": address } } } : {}),
  };
}

/**
 * The trigger functions the config asks for. They do not reference the pool (which references
 * them); what needs the pool's ARN is attached afterwards by TriggerFunctionPoolAccess.
 */
export class TriggerFunctions extends pulumi.ComponentResource {
  readonly functions: Partial<Record<keyof BuiltTriggerArns, BundledFunction>> = {};
  /** For the pool's lambdaConfig. */
  readonly arns: BuiltTriggerArns = {};

  constructor(name: string, args: TriggerFunctionsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:TriggerFunctions", name, {}, opts);
    const f = args.functions;
    const sender = f.sender && {
      from: f.sender.from,
      sourceArn: f.sender.sourceArn ?? args.sesSourceArn,
    };
    const build = (
      trigger: keyof BuiltTriggerArns,
      file: string,
      description: string,
      extra: Partial<BundledFunctionArgs>,
    ) => {
      const fn = new BundledFunction(
        `${name}-${file}`,
        {
          file: `${file}.ts`,
          functionName: `${args.namePrefix}-${file}`,
          description,
          logRetentionDays: f.logRetentionDays,
          tags: args.tags,
          transform: args.transform,
          ...extra,
        },
        { parent: this },
      );
      this.functions[trigger] = fn;
      this.arns[trigger] = fn.arn;
    };
    const mail = (): { statements: FunctionStatement[]; from: string; sourceArn?: pulumi.Input<string> } => {
      // Config validation guarantees a sender (and its identity) whenever a function sends email.
      if (!sender?.sourceArn) throw new Error("trigger functions: email needs triggers.functions.sender");
      return { statements: [sendEmailStatement(sender.sourceArn, sender.from)], ...sender };
    };

    if (f.preSignUp)
      build("preSignUp", "pre-sign-up", "Allows sign-up from listed email domains", {
        environment: {
          ALLOWED_DOMAINS: f.preSignUp.allowedDomains.join(","),
          AUTO_CONFIRM_DOMAINS: f.preSignUp.autoConfirmDomains.join(","),
        },
      });
    if (f.postConfirmation) {
      const welcome = f.postConfirmation.welcome;
      const m = welcome ? mail() : undefined;
      build("postConfirmation", "post-confirmation", "Adds new users to a group by email domain", {
        environment: {
          GROUPS_BY_DOMAIN: JSON.stringify(f.postConfirmation.groupsByDomain),
          ...(welcome && m
            ? { WELCOME_EMAIL: pulumi.jsonStringify({ from: m.from, sourceArn: m.sourceArn, ...welcome }) }
            : {}),
        },
        statements: m?.statements,
      });
    }
    if (f.preTokenGeneration)
      build("preTokenGeneration", "pre-token-generation", "Adds claims, and scopes by group", {
        environment: {
          CLAIMS: JSON.stringify(f.preTokenGeneration.claims),
          GROUP_SCOPES: JSON.stringify(f.preTokenGeneration.groupScopes),
        },
      });
    if (f.customChallenge) {
      const m = mail();
      build("defineAuthChallenge", "define-auth-challenge", "Password, then a one-time code by email", {
        environment: { MAX_ATTEMPTS: String(f.customChallenge.maxAttempts) },
      });
      build("createAuthChallenge", "create-auth-challenge", "Emails a one-time sign-in code", {
        environment: {
          FROM: m.from,
          SOURCE_ARN: m.sourceArn ?? "",
          CODE_LENGTH: String(f.customChallenge.codeLength),
        },
        statements: m.statements,
      });
      build("verifyAuthChallengeResponse", "verify-auth-challenge-response", "Checks the one-time code", {});
    }
    this.registerOutputs({ arns: this.arns });
  }
}
