import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ApiModel } from "../config/model";
import { BundledFunction, type BundledFunctionArgs } from "./bundled-function";
import { applyTransform, type Transform } from "./transform";

/** The API's routes: every one needs the scopes, `GET /admin` also the admin group (checked in the function). */
export const API_ROUTES = { me: "GET /me", admin: "GET /admin" } as const;

export interface ProtectedApiArgs {
  api: ApiModel;
  /** Prefix of the API's and its function's names (the pool's name). */
  namePrefix: string;
  region: string;
  userPoolId: pulumi.Input<string>;
  /** Client ids of `api.clients`: the authorizer's audience. */
  audience: pulumi.Input<string>[];
  tags?: Record<string, string>;
  transform?: {
    api?: Transform<aws.apigatewayv2.ApiArgs>;
    authorizer?: Transform<aws.apigatewayv2.AuthorizerArgs>;
    integration?: Transform<aws.apigatewayv2.IntegrationArgs>;
    route?: Transform<aws.apigatewayv2.RouteArgs>;
    stage?: Transform<aws.apigatewayv2.StageArgs>;
    permission?: Transform<aws.lambda.PermissionArgs>;
    accessLogs?: Transform<aws.cloudwatch.LogGroupArgs>;
    function?: BundledFunctionArgs["transform"];
  };
}

/**
 * An HTTP API that takes the pool's access tokens: a JWT authorizer (issuer = the pool, audience =
 * the chosen clients) and routes that require scopes. ID tokens carry no `scope` claim, so the
 * authorizer refuses them on every route.
 */
export class ProtectedApi extends pulumi.ComponentResource {
  readonly api: aws.apigatewayv2.Api;
  readonly authorizer: aws.apigatewayv2.Authorizer;
  readonly handler: BundledFunction;
  readonly routes: Record<keyof typeof API_ROUTES, aws.apigatewayv2.Route>;
  readonly stage: aws.apigatewayv2.Stage;
  readonly url: pulumi.Output<string>;

  constructor(name: string, args: ProtectedApiArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:ProtectedApi", name, {}, opts);
    const t = args.transform ?? {};
    const parent = { parent: this };
    this.handler = new BundledFunction(
      `${name}-identity`,
      {
        file: "identity-api.ts",
        functionName: `${args.namePrefix}-identity-api`,
        description: "Returns the caller's identity from the JWT authorizer's claims",
        environment: { ADMIN_GROUP: args.api.adminGroup, ADMIN_ROUTE: API_ROUTES.admin },
        logRetentionDays: args.api.logRetentionDays,
        tags: args.tags,
        transform: t.function,
      },
      parent,
    );
    this.api = new aws.apigatewayv2.Api(
      ...applyTransform(
        t.api,
        `${name}-http-api`,
        { name: `${args.namePrefix}-api`, protocolType: "HTTP", tags: args.tags },
        parent,
      ),
    );
    this.authorizer = new aws.apigatewayv2.Authorizer(
      ...applyTransform(
        t.authorizer,
        `${name}-authorizer`,
        {
          apiId: this.api.id,
          name: "cognito",
          authorizerType: "JWT",
          identitySources: ["$request.header.Authorization"],
          jwtConfiguration: {
            issuer: pulumi.interpolate`https://cognito-idp.${args.region}.amazonaws.com/${args.userPoolId}`,
            audiences: args.audience,
          },
        },
        parent,
      ),
    );
    const integration = new aws.apigatewayv2.Integration(
      ...applyTransform(
        t.integration,
        `${name}-integration`,
        {
          apiId: this.api.id,
          integrationType: "AWS_PROXY",
          integrationUri: this.handler.function.invokeArn,
          payloadFormatVersion: "2.0",
        },
        parent,
      ),
    );
    const route = (key: keyof typeof API_ROUTES) =>
      new aws.apigatewayv2.Route(
        ...applyTransform(
          t.route,
          `${name}-route-${key}`,
          {
            apiId: this.api.id,
            routeKey: API_ROUTES[key],
            target: pulumi.interpolate`integrations/${integration.id}`,
            authorizationType: "JWT",
            authorizerId: this.authorizer.id,
            authorizationScopes: args.api.scopes,
          },
          parent,
        ),
      );
    this.routes = { me: route("me"), admin: route("admin") };
    const accessLogs = new aws.cloudwatch.LogGroup(
      ...applyTransform(
        t.accessLogs,
        `${name}-access-logs`,
        { name: `/aws/apigateway/${args.namePrefix}-api`, retentionInDays: args.api.logRetentionDays, tags: args.tags },
        parent,
      ),
    );
    this.stage = new aws.apigatewayv2.Stage(
      ...applyTransform(
        t.stage,
        `${name}-stage`,
        {
          apiId: this.api.id,
          name: "$default",
          autoDeploy: true,
          accessLogSettings: {
            destinationArn: accessLogs.arn,
            format: JSON.stringify({
              requestId: "$context.requestId",
              routeKey: "$context.routeKey",
              status: "$context.status",
              sub: "$context.authorizer.claims.sub",
              authorizerError: "$context.authorizer.error",
            }),
          },
          tags: args.tags,
        },
        parent,
      ),
    );
    new aws.lambda.Permission(
      ...applyTransform(
        t.permission,
        `${name}-invoke`,
        {
          action: "lambda:InvokeFunction",
          function: this.handler.function.name,
          principal: "apigateway.amazonaws.com",
          // Only this API's routes, any stage.
          sourceArn: pulumi.interpolate`${this.api.executionArn}/*/*`,
        },
        parent,
      ),
    );
    this.url = this.api.apiEndpoint;
    this.registerOutputs({ url: this.url });
  }
}
