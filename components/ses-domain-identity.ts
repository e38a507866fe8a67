import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { applyTransform, type Transform } from "./transform";

/** Easy DKIM always hands out three tokens, each published as one CNAME. */
export const DKIM_TOKEN_COUNT = 3;

export interface SesDomainIdentityArgs {
  /** The domain to send from, e.g. `auth.example.com`. */
  domain: string;
  /** Route 53 zone that serves `domain`; the verification and DKIM records are written there. */
  hostedZoneId: string;
  /** TTL of the records, in seconds. @default 600 */
  ttl?: number;
  /** Options for every resource created (parent, protect, retainOnDelete). */
  opts: pulumi.CustomResourceOptions;
  /** Override any child's args or options. @default none */
  transform?: {
    identity?: Transform<aws.ses.DomainIdentityArgs>;
    verificationRecord?: Transform<aws.route53.RecordArgs>;
    verification?: Transform<aws.ses.DomainIdentityVerificationArgs>;
    dkim?: Transform<aws.ses.DomainDkimArgs>;
    dkimRecord?: Transform<aws.route53.RecordArgs>;
  };
}

export interface SesDomainIdentity {
  identity: aws.ses.DomainIdentity;
  verificationRecord: aws.route53.Record;
  /** Completes only once SES reports the domain verified; its `arn` is the sender to hand Cognito. */
  verification: aws.ses.DomainIdentityVerification;
  dkim: aws.ses.DomainDkim;
  dkimRecords: aws.route53.Record[];
}

/**
 * An SES domain identity the stack both creates and verifies. Cognito refuses an unverified
 * `sourceArn` at CreateUserPool (aws-cdk#18964), so the pool must take its ARN from the
 * verification resource, which waits for SES to see the `_amazonses` TXT record. DKIM is not needed
 * to send, but unsigned mail from a domain lands in spam folders.
 */
export function sesDomainIdentity(name: string, args: SesDomainIdentityArgs): SesDomainIdentity {
  const t = args.transform ?? {};
  const ttl = args.ttl ?? 600;
  const identity = new aws.ses.DomainIdentity(
    ...applyTransform(t.identity, `${name}-ses-identity`, { domain: args.domain }, { ...args.opts }),
  );
  const verificationRecord = new aws.route53.Record(
    ...applyTransform(
      t.verificationRecord,
      `${name}-ses-verification-record`,
      {
        zoneId: args.hostedZoneId,
        name: `_amazonses.${args.domain}`,
        type: "TXT",
        ttl,
        records: [identity.verificationToken],
      },
      { ...args.opts },
    ),
  );
  const verification = new aws.ses.DomainIdentityVerification(
    ...applyTransform(
      t.verification,
      `${name}-ses-verification`,
      { domain: identity.domain },
      { ...args.opts, dependsOn: [verificationRecord] },
    ),
  );

  const dkim = new aws.ses.DomainDkim(
    ...applyTransform(t.dkim, `${name}-ses-dkim`, { domain: identity.domain }, { ...args.opts }),
  );
  const token = (i: number): pulumi.Output<string> => dkim.dkimTokens.apply((tokens) => tokens[i]);
  const dkimRecords: aws.route53.Record[] = [];
  for (let i = 0; i < DKIM_TOKEN_COUNT; i++) {
    dkimRecords.push(
      new aws.route53.Record(
        ...applyTransform(
          t.dkimRecord,
          `${name}-ses-dkim-record-${i}`,
          {
            zoneId: args.hostedZoneId,
            name: pulumi.interpolate`${token(i)}._domainkey.${args.domain}`,
            type: "CNAME",
            ttl,
            records: [pulumi.interpolate`${token(i)}.dkim.amazonses.com`],
          },
          { ...args.opts },
        ),
      ),
    );
  }
  return { identity, verificationRecord, verification, dkim, dkimRecords };
}
