import { clientIdentityProviders, clientIdentityProvidersOutsideStack } from "./client-identity-providers";
import { httpsRedirects, noImplicitFlow, secretPosture } from "./client-oauth";
import { preventUserExistenceErrors, tokenRevocation } from "./client-security";
import { authSessionValidity, refreshTokenRotation, tokenLifetimes } from "./client-tokens";
import type { CognitoRule } from "./common";
import {
  identityRolePermissions,
  identityRoleTrust,
  noClassicFlow,
  noGuestAccess,
  serverSideTokenCheck,
} from "./identity-pool";
import { accountTakeover, compromisedCredentials } from "./risk-configuration";
import { noSeedUsersInProduction, noSeedUsersWithProductionPool } from "./seed-users";
import { smsRoleExternalId, smsRoleOutsideStack, smsRolePermissions, smsRoleTrust } from "./sms-role";
import { triggerInvokeScoped } from "./trigger-permissions";
import { authEventLogs } from "./user-pool-auth-event-logs";
import { sesEmail } from "./user-pool-email";
import { deletionProtection, protectInProduction } from "./user-pool-lifecycle";
import { mfaFactor, mfaNotOff, mfaRequired } from "./user-pool-mfa";
import { passwordPolicy, temporaryPasswordValidity } from "./user-pool-password";
import { userPoolReplication } from "./user-pool-replication";
import { accountRecovery, caseInsensitiveUsernames, selfSignUpDisabled } from "./user-pool-sign-in";
import { plusTier, threatProtection, threatProtectionCustomAuth } from "./user-pool-threat-protection";
import { wafAssociation } from "./user-pool-waf";

export type { CognitoRule } from "./common";

/** Every rule of the pack, user pool first, then messaging, clients, identity pools and the rest. */
export const RULES: CognitoRule[] = [
  mfaRequired,
  mfaNotOff,
  mfaFactor,
  passwordPolicy,
  temporaryPasswordValidity,
  threatProtection,
  threatProtectionCustomAuth,
  plusTier,
  compromisedCredentials,
  accountTakeover,
  deletionProtection,
  protectInProduction,
  selfSignUpDisabled,
  caseInsensitiveUsernames,
  accountRecovery,
  wafAssociation,
  authEventLogs,
  userPoolReplication,
  sesEmail,
  smsRoleTrust,
  smsRoleExternalId,
  smsRolePermissions,
  smsRoleOutsideStack,
  preventUserExistenceErrors,
  tokenRevocation,
  noImplicitFlow,
  httpsRedirects,
  secretPosture,
  tokenLifetimes,
  refreshTokenRotation,
  authSessionValidity,
  clientIdentityProviders,
  clientIdentityProvidersOutsideStack,
  noGuestAccess,
  noClassicFlow,
  serverSideTokenCheck,
  identityRoleTrust,
  identityRolePermissions,
  noSeedUsersInProduction,
  noSeedUsersWithProductionPool,
  triggerInvokeScoped,
];
