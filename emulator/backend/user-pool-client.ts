/** `aws.cognito.UserPoolClient` inputs -> CreateUserPoolClient. */

import {
  type CreateUserPoolClientCommandInput,
  ExplicitAuthFlowsType,
  FeatureType,
  OAuthFlowType,
  PreventUserExistenceErrorTypes,
  TimeUnitsType,
} from "@aws-sdk/client-cognito-identity-provider";
import type * as aws from "@pulumi/aws";
import { compact, dropUndefined, enumList, enumValue, type Resolved, required } from "./convert";

export type UserPoolClientInputs = Resolved<aws.cognito.UserPoolClientArgs>;

export function userPoolClientCommand(i: UserPoolClientInputs, fallbackName: string): CreateUserPoolClientCommandInput {
  const units = i.tokenValidityUnits;
  const analytics = i.analyticsConfiguration;
  const input: CreateUserPoolClientCommandInput = {
    UserPoolId: required(i.userPoolId, "userPoolId"),
    ClientName: i.name ?? fallbackName,
    GenerateSecret: i.generateSecret,
    RefreshTokenValidity: i.refreshTokenValidity,
    AccessTokenValidity: i.accessTokenValidity,
    IdTokenValidity: i.idTokenValidity,
    TokenValidityUnits:
      units &&
      compact({
        AccessToken: enumValue(TimeUnitsType, units.accessToken, "tokenValidityUnits.accessToken"),
        IdToken: enumValue(TimeUnitsType, units.idToken, "tokenValidityUnits.idToken"),
        RefreshToken: enumValue(TimeUnitsType, units.refreshToken, "tokenValidityUnits.refreshToken"),
      }),
    ReadAttributes: i.readAttributes,
    WriteAttributes: i.writeAttributes,
    ExplicitAuthFlows: enumList(ExplicitAuthFlowsType, i.explicitAuthFlows, "explicitAuthFlows"),
    SupportedIdentityProviders: i.supportedIdentityProviders,
    CallbackURLs: i.callbackUrls,
    LogoutURLs: i.logoutUrls,
    DefaultRedirectURI: i.defaultRedirectUri,
    AllowedOAuthFlows: enumList(OAuthFlowType, i.allowedOauthFlows, "allowedOauthFlows"),
    AllowedOAuthScopes: i.allowedOauthScopes,
    AllowedOAuthFlowsUserPoolClient: i.allowedOauthFlowsUserPoolClient,
    AnalyticsConfiguration:
      analytics &&
      compact({
        ApplicationId: analytics.applicationId,
        ApplicationArn: analytics.applicationArn,
        RoleArn: analytics.roleArn,
        ExternalId: analytics.externalId,
        UserDataShared: analytics.userDataShared,
      }),
    PreventUserExistenceErrors: enumValue(
      PreventUserExistenceErrorTypes,
      i.preventUserExistenceErrors,
      "preventUserExistenceErrors",
    ),
    EnableTokenRevocation: i.enableTokenRevocation,
    EnablePropagateAdditionalUserContextData: i.enablePropagateAdditionalUserContextData,
    AuthSessionValidity: i.authSessionValidity,
    RefreshTokenRotation: i.refreshTokenRotation && {
      Feature: enumValue(FeatureType, i.refreshTokenRotation.feature, "refreshTokenRotation.feature"),
      RetryGracePeriodSeconds: i.refreshTokenRotation.retryGracePeriodSeconds,
    },
  };
  return dropUndefined(input);
}
