/**
 * Verifies ID and access tokens the way an API would, with aws-jwt-verify: RS256 signature against
 * the pool's JWKS, issuer, audience / client_id, token_use, expiry and the expected group, then the
 * claims the app relies on (email, a custom attribute, the same subject in both tokens).
 */
import { CognitoJwtVerifier } from "aws-jwt-verify";
import type { Target } from "./target";

export interface TokenExpectations {
  clientId: string;
  /** A group the user is in; checked in `cognito:groups` of both tokens. */
  group?: string;
  /** The email the user signed up with. */
  email: string;
  /** `custom:<name>` and the value the check set. */
  customAttribute?: { name: string; value: string };
}

type IdVerifier = ReturnType<typeof idVerifier>;
type AccessVerifier = ReturnType<typeof accessVerifier>;

const idVerifier = (poolId: string, clientId: string, group: string | null) =>
  CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: "id", clientId, groups: group });
const accessVerifier = (poolId: string, clientId: string, group: string | null) =>
  CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: "access", clientId, groups: group });

/** Verifiers keep their JWKS cache, so one per target, client and group. */
const cache = new WeakMap<Target, Map<string, { id: IdVerifier; access: AccessVerifier }>>();

function verifiers(t: Target, clientId: string, group: string | undefined): { id: IdVerifier; access: AccessVerifier } {
  let perTarget = cache.get(t);
  if (!perTarget) {
    perTarget = new Map();
    cache.set(t, perTarget);
  }
  const key = `${clientId}|${group ?? ""}`;
  let v = perTarget.get(key);
  if (!v) {
    v = {
      id: idVerifier(t.outputs.userPoolId, clientId, group ?? null),
      access: accessVerifier(t.outputs.userPoolId, clientId, group ?? null),
    };
    if (t.jwks) {
      v.id.cacheJwks(t.jwks);
      v.access.cacheJwks(t.jwks);
    }
    perTarget.set(key, v);
  }
  return v;
}

export interface VerifiedTokens {
  sub: string;
  idClaims: Record<string, unknown>;
  accessClaims: Record<string, unknown>;
}

export async function verifyTokens(
  t: Target,
  tokens: { IdToken: string; AccessToken: string },
  e: TokenExpectations,
): Promise<VerifiedTokens> {
  const v = verifiers(t, e.clientId, e.group);
  const id = await v.id.verify(tokens.IdToken);
  const access = await v.access.verify(tokens.AccessToken);
  // aws-jwt-verify has checked the signature, expiry, token use, client and groups; the issuer it
  // derives from the pool id must also be the one the stack publishes to apps.
  for (const [what, p] of [
    ["ID", id],
    ["access", access],
  ] as const) {
    if (p.iss !== t.outputs.issuer)
      throw new Error(`${what} token issuer ${p.iss} is not the stack's issuer ${t.outputs.issuer}`);
  }
  if (id.sub !== access.sub) throw new Error(`ID token sub ${id.sub} differs from access token sub ${access.sub}`);
  if (id.email !== e.email) throw new Error(`ID token email ${String(id.email)} is not ${e.email}`);
  if (e.customAttribute) {
    const claim = `custom:${e.customAttribute.name}`;
    if (id[claim] !== e.customAttribute.value)
      throw new Error(
        `ID token ${claim} is ${JSON.stringify(id[claim])}, expected ${JSON.stringify(e.customAttribute.value)}`,
      );
  }
  return { sub: id.sub, idClaims: id, accessClaims: access };
}
