import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { DomainModel } from "../config/model";
import { applyTransform, type Transform } from "./transform";

type CustomDomain = NonNullable<DomainModel["customDomain"]>;

export interface CognitoUserPoolDomainArgs {
  /** `domain` from the model, already validated (config/validation/domain.ts). */
  domain: DomainModel;
  /** The pool the domain serves. */
  userPoolId: pulumi.Input<string>;
  /** The pool's region, for the prefix domain's URL. */
  region: string;
  /**
   * Protect the domain and its random suffix (Pulumi `protect`): a new suffix, or a new prefix (the
   * default one is derived from the stack name, so `pulumi stack rename` changes it), then fails
   * `pulumi preview` instead of moving the hosted UI to a new URL. @default false
   */
  protect?: boolean;
  /** Change any child's args or options. @default none */
  transform?: {
    domain?: Transform<aws.cognito.UserPoolDomainArgs>;
    suffix?: Transform<random.RandomStringArgs>;
    certificate?: Transform<aws.acm.CertificateArgs>;
    certificateValidationRecord?: Transform<aws.route53.RecordArgs>;
    certificateValidation?: Transform<aws.acm.CertificateValidationArgs>;
    aliasRecord?: Transform<aws.route53.RecordArgs>;
  };
}

/**
 * The hosted-UI domain: a prefix domain `<prefix>-<random>.auth.<region>.amazoncognito.com` (the
 * suffix is random once, then stable per stack, so prefixes stay globally unique), or a custom
 * domain served by CloudFront with an ACM certificate that must live in us-east-1, whatever the
 * pool's region. The domain is deleted before it is replaced: Cognito allows one domain per name.
 * Managed-login styles belong to app clients, so each client creates its own (user-pool-client.ts).
 */
export class CognitoUserPoolDomain extends pulumi.ComponentResource {
  readonly domain: aws.cognito.UserPoolDomain;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` or `https://<custom domain>`. */
  readonly baseUrl: pulumi.Output<string>;
  readonly suffix?: random.RandomString;
  readonly certificate?: aws.acm.Certificate;
  readonly certificateValidation?: aws.acm.CertificateValidation;
  readonly aliasRecord?: aws.route53.Record;
  /** The component's name, which older children's names were built from. */
  readonly baseName: string;

  constructor(name: string, args: CognitoUserPoolDomainArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoUserPoolDomain", name, {}, opts);
    const d = args.domain;
    const t = args.transform ?? {};
    this.baseName = name;

    let domainName: pulumi.Input<string>;
    let certificateArn: pulumi.Input<string> | undefined;
    const custom = d.customDomain;
    if (custom) {
      domainName = custom.domainName;
      certificateArn = custom.certificateArn;
      if (!certificateArn && custom.hostedZoneId) {
        const created = this.createCertificate(name, custom.domainName, custom.hostedZoneId, t);
        [this.certificate, this.certificateValidation] = [created.certificate, created.validation];
        certificateArn = created.validation.certificateArn;
      }
    } else if (d.randomSuffixLength === 0) {
      domainName = d.prefix;
    } else {
      this.suffix = new random.RandomString(
        ...applyTransform(
          t.suffix,
          `${name}-suffix`,
          { length: d.randomSuffixLength, lower: true, upper: false, numeric: true, special: false },
          { parent: this, protect: args.protect === true },
        ),
      );
      domainName = pulumi.interpolate`${d.prefix}-${this.suffix.result}`;
    }

    this.domain = new aws.cognito.UserPoolDomain(
      ...applyTransform(
        t.domain,
        name,
        {
          userPoolId: args.userPoolId,
          domain: domainName,
          certificateArn,
          managedLoginVersion: d.managedLoginVersion,
        },
        {
          parent: this,
          deleteBeforeReplace: true,
          protect: args.protect === true,
          dependsOn: this.certificateValidation ? [this.certificateValidation] : [],
        },
      ),
    );

    if (custom?.hostedZoneId) this.aliasRecord = this.createAliasRecord(name, custom, custom.hostedZoneId, t);

    this.baseUrl = custom
      ? pulumi.interpolate`https://${this.domain.domain}`
      : pulumi.interpolate`https://${this.domain.domain}.auth.${args.region}.amazoncognito.com`;
    this.registerOutputs({ baseUrl: this.baseUrl, domain: this.domain.domain });
  }

  /** An alias A record to the domain's CloudFront distribution; CloudFront's zone is global, the record is the stack's. */
  private createAliasRecord(
    name: string,
    custom: CustomDomain,
    zoneId: string,
    t: NonNullable<CognitoUserPoolDomainArgs["transform"]>,
  ): aws.route53.Record {
    return new aws.route53.Record(
      ...applyTransform(
        t.aliasRecord,
        `${name}-alias`,
        {
          zoneId,
          name: custom.domainName,
          type: "A",
          aliases: [
            {
              name: this.domain.cloudfrontDistribution,
              zoneId: this.domain.cloudfrontDistributionZoneId,
              evaluateTargetHealth: false,
            },
          ],
        },
        { parent: this },
      ),
    );
  }

  /**
   * Creates and DNS-validates the certificate in us-east-1 (CloudFront only takes certificates from
   * there). The per-resource `region` keeps the stack's provider and its credentials and settings.
   */
  private createCertificate(
    name: string,
    domainName: string,
    zoneId: string,
    t: NonNullable<CognitoUserPoolDomainArgs["transform"]>,
  ) {
    const certificate = new aws.acm.Certificate(
      ...applyTransform(
        t.certificate,
        `${name}-certificate`,
        { domainName, validationMethod: "DNS", region: "us-east-1" },
        { parent: this },
      ),
    );
    // One domain name, so exactly one validation record: known without waiting for an apply.
    const option = certificate.domainValidationOptions[0];
    const record = new aws.route53.Record(
      ...applyTransform(
        t.certificateValidationRecord,
        `${name}-certificate-validation`,
        {
          zoneId,
          name: option.resourceRecordName,
          type: option.resourceRecordType,
          records: [option.resourceRecordValue],
          ttl: 300,
          allowOverwrite: true,
        },
        { parent: this },
      ),
    );
    const validation = new aws.acm.CertificateValidation(
      ...applyTransform(
        t.certificateValidation,
        `${name}-certificate-validation`,
        { certificateArn: certificate.arn, validationRecordFqdns: [record.fqdn], region: "us-east-1" },
        { parent: this },
      ),
    );
    return { certificate, validation };
  }
}
