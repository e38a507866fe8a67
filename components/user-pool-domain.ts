import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { signsInUsers } from "../config/presets/client-kinds";
import type { ClientConfig } from "../config/schema/clients";
import { type DomainConfig, defaultDomainPrefix } from "../config/schema/domain";
import { applyTransform, type Transform } from "./transform";
import type { CognitoUserPoolClient } from "./user-pool-client";

export interface CognitoUserPoolDomainArgs {
  /** `domain` from the stack config, already validated (config/validation/domain.ts). */
  domain: DomainConfig;
  /** The pool the domain serves. */
  userPoolId: pulumi.Input<string>;
  /** Stack name, for the default prefix `auth-<stack>`. */
  stack: string;
  /** The pool's region, for the prefix domain's URL. */
  region: string;
  /** Change any child's args or options. @default none */
  transform?: {
    domain?: Transform<aws.cognito.UserPoolDomainArgs>;
    suffix?: Transform<random.RandomStringArgs>;
    certificate?: Transform<aws.acm.CertificateArgs>;
    aliasRecord?: Transform<aws.route53.RecordArgs>;
    branding?: Transform<aws.cognito.ManagedLoginBrandingArgs>;
  };
}

/**
 * The hosted-UI domain: a prefix domain `<prefix>-<random>.auth.<region>.amazoncognito.com` (the
 * suffix is random once, then stable per stack, so prefixes stay globally unique), or a custom
 * domain served by CloudFront with an ACM certificate that must live in us-east-1, whatever the
 * pool's region. The domain is deleted before it is replaced: Cognito allows one domain per name.
 */
export class CognitoUserPoolDomain extends pulumi.ComponentResource {
  readonly domain: aws.cognito.UserPoolDomain;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` or `https://<custom domain>`. */
  readonly baseUrl: pulumi.Output<string>;
  readonly suffix?: random.RandomString;
  readonly certificate?: aws.acm.Certificate;
  readonly certificateValidation?: aws.acm.CertificateValidation;
  readonly aliasRecord?: aws.route53.Record;
  /** Managed-login styles, by client key (see brandClients). */
  readonly brandings: Record<string, aws.cognito.ManagedLoginBranding> = {};
  private readonly baseName: string;
  private readonly config: DomainConfig;
  private readonly userPoolId: pulumi.Input<string>;
  private readonly brandingTransform?: Transform<aws.cognito.ManagedLoginBrandingArgs>;

  constructor(name: string, args: CognitoUserPoolDomainArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoUserPoolDomain", name, {}, opts);
    const d = args.domain;
    const t = args.transform ?? {};
    this.baseName = name;
    this.config = d;
    this.userPoolId = args.userPoolId;
    this.brandingTransform = t.branding;

    let domainName: pulumi.Input<string>;
    let certificateArn: pulumi.Input<string> | undefined;
    const custom = d.customDomain;
    if (custom) {
      domainName = custom.domainName;
      certificateArn = custom.certificateArn;
      if (!certificateArn && custom.hostedZoneId) {
        const created = this.createCertificate(name, custom.domainName, custom.hostedZoneId, t.certificate);
        [this.certificate, this.certificateValidation] = [created.certificate, created.validation];
        certificateArn = created.validation.certificateArn;
      }
    } else {
      const prefix = d.prefix ?? defaultDomainPrefix(args.stack);
      if (d.randomSuffix === false) domainName = prefix;
      else {
        this.suffix = new random.RandomString(
          ...applyTransform(
            t.suffix,
            `${name}-suffix`,
            {
              length: 6,
              lower: true,
              upper: false,
              numeric: true,
              special: false,
            },
            { parent: this },
          ),
        );
        domainName = pulumi.interpolate`${prefix}-${this.suffix.result}`;
      }
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
          dependsOn: this.certificateValidation ? [this.certificateValidation] : [],
        },
      ),
    );

    if (custom?.hostedZoneId) {
      // CloudFront's hosted zone is global; the record lives in the stack's zone.
      this.aliasRecord = new aws.route53.Record(
        ...applyTransform(
          t.aliasRecord,
          `${name}-alias`,
          {
            zoneId: custom.hostedZoneId,
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

    this.baseUrl = custom
      ? pulumi.interpolate`https://${this.domain.domain}`
      : pulumi.interpolate`https://${this.domain.domain}.auth.${args.region}.amazoncognito.com`;
    this.registerOutputs({ baseUrl: this.baseUrl, domain: this.domain.domain });
  }

  /**
   * Creates and DNS-validates the certificate in us-east-1 (CloudFront only takes certificates from
   * there). The per-resource `region` keeps the stack's provider and its credentials and settings.
   */
  private createCertificate(
    name: string,
    domainName: string,
    zoneId: string,
    transform?: Transform<aws.acm.CertificateArgs>,
  ) {
    const certificate = new aws.acm.Certificate(
      ...applyTransform(
        transform,
        `${name}-certificate`,
        {
          domainName,
          validationMethod: "DNS",
          region: "us-east-1",
        },
        { parent: this },
      ),
    );
    // One domain name, so exactly one validation record: known without waiting for an apply.
    const option = certificate.domainValidationOptions[0];
    const record = new aws.route53.Record(
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
    );
    const validation = new aws.acm.CertificateValidation(
      `${name}-certificate-validation`,
      {
        certificateArn: certificate.arn,
        validationRecordFqdns: [record.fqdn],
        region: "us-east-1",
      },
      { parent: this },
    );
    return { certificate, validation };
  }

  /**
   * Gives each client that signs users in through the hosted UI a managed-login style (version 2
   * only). Styles belong to app clients, not to the pool, and a client without one gets no login
   * page, so every such client gets the configured style or Cognito's provided one.
   */
  brandClients(clients: Record<string, CognitoUserPoolClient>, config: Record<string, ClientConfig>): void {
    if (this.config.managedLoginVersion !== 2) return;
    const b = this.config.branding;
    const settings = b?.settings ? JSON.stringify(b.settings) : undefined;
    for (const [key, client] of Object.entries(clients)) {
      if (!config[key] || !signsInUsers(config[key])) continue;
      this.brandings[key] = new aws.cognito.ManagedLoginBranding(
        ...applyTransform(
          this.brandingTransform,
          `${this.baseName}-branding-${key}`,
          {
            userPoolId: this.userPoolId,
            clientId: client.clientId,
            settings,
            useCognitoProvidedValues: settings ? undefined : (b?.useCognitoProvidedValues ?? true),
          },
          { parent: this, dependsOn: [this.domain] },
        ),
      );
    }
  }
}
