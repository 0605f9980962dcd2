import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server'
import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import type { PortalLoginResponse } from '../../../shared/portal'
import type { Database } from '../../db/schema'
import { withTransaction } from '../../db/transaction'
import type { RequestOrigin } from '../auth/auth-service'
import { portalLoginResponseOf, type PortalSessions } from '../portal/portal-sessions'
import { countSignInFailure, invalidCredentials, recordAttempt, refuseLockedAttempt, refuseSignIn, type SignInRequest } from '../sign-in/password-gate'
import { recordSignInSuccess, signInBlock } from '../sign-in/throttle'
import { challengeOfClientData, consumeChallenge, storeChallenge } from './challenges'
import { relyingPartyOf, relyingPartyOfWebsite } from './relying-party'

/**
 * Step one of a passkey sign-in on a website: request options for a discoverable credential (no
 * allowCredentials, so the answer does not reveal whether any account exists), with a stored challenge.
 */
export async function beginPasskeySignIn(db: Kysely<Database>, websiteId: number, now: Date): Promise<Record<string, unknown>> {
  const party = await relyingPartyOfWebsite(db, websiteId)
  const options = await generateAuthenticationOptions({ rpID: party.id, userVerification: 'required' })
  await storeChallenge(db, { value: options.challenge, purpose: 'authentication', userId: null, sessionId: null }, now)
  return { ...options }
}

export interface PasskeySignInDeps {
  db: Kysely<Database>
  sessions: PortalSessions
  now: Date
}

/**
 * Step two: the authenticator's signature over the challenge. The credential names the passkey, the
 * passkey its user, the user's website the expected origin and RP ID. Refusals are the generic 401;
 * the same eligibility as a password sign-in applies (portal user, active, not deleted, no reset
 * required, not locked) and the IP throttle too. The sign counter is stored as reported.
 */
export async function finishPasskeySignIn({ db, sessions, now }: PasskeySignInDeps, response: AuthenticationResponseJSON, origin: RequestOrigin): Promise<PortalLoginResponse> {
  const credentialId = Buffer.from(response.rawId, 'base64url')
  const found = await db
    .selectFrom('passkeys as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('websites as w', 'w.id', 'u.website_id')
    .select([
      'p.id as passkey_id',
      'p.public_key',
      'p.sign_count',
      'p.transports',
      'u.id',
      'u.login',
      'u.name',
      'u.kind',
      'u.active',
      'u.deleted_at',
      'u.reset_required',
      'u.must_change_password',
      'u.password_hash',
      'u.locked_until',
      'w.name as website_name',
      'w.url as website_url',
      'w.host as website_host'
    ])
    .where('p.credential_id', '=', credentialId)
    .executeTakeFirst()
  const request: SignInRequest = { login: found?.login ?? '(passkey)', password: '', audience: 'portal', ip: origin.ip, userAgent: origin.userAgent, now }

  // Only a portal account is counted and locked at this door (an internal user's is never touched here).
  const account = found?.kind === 'portal' ? found : undefined
  const block = await signInBlock(db, { login: request.login, audience: 'portal', ip: request.ip, user: account ?? null }, now)
  if (block === 'ip') await refuseSignIn(db, request, found, 'ip_throttled', new DeskError('RATE_LIMITED'))
  if (block !== null) await refuseLockedAttempt(db, request, found)

  const challenge = challengeOfClientData(response.response.clientDataJSON)
  const spent = challenge !== null && (await consumeChallenge(db, { value: challenge, purpose: 'authentication' }, now))
  const party = found?.website_name && found.website_url && found.website_host ? relyingPartyOf({ name: found.website_name, url: found.website_url, host: found.website_host }) : null
  if (!found || !spent || !challenge || !party) {
    await countSignInFailure(db, request, account, 'passkey_invalid')
    throw invalidCredentials()
  }

  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>> | null = null
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: party.origin,
      expectedRPID: party.id,
      credential: { id: response.rawId, publicKey: new Uint8Array(found.public_key), counter: Number(found.sign_count), transports: found.transports },
      // A passkey replaces the password: the device must have verified the person (PIN, biometrics).
      requireUserVerification: true
    })
  } catch {
    verified = null
  }
  if (!verified?.verified) {
    await countSignInFailure(db, request, account, 'passkey_invalid')
    throw invalidCredentials()
  }
  if (found.kind !== 'portal') await refuseSignIn(db, request, found, 'not_eligible')
  if (found.deleted_at !== null) await refuseSignIn(db, request, found, 'deleted')
  if (!found.active) await refuseSignIn(db, request, found, 'archived')
  if (found.reset_required) await refuseSignIn(db, request, found, 'reset_required')

  return withTransaction(db, async (trx) => {
    await trx.updateTable('passkeys').set({ sign_count: verified.authenticationInfo.newCounter, last_used_at: now }).where('id', '=', found.passkey_id).execute()
    const issued = await sessions.issue(trx, found.id, origin, now)
    await recordSignInSuccess(trx, { userId: found.id, login: found.login, audience: 'portal', device: null }, now)
    await recordAttempt(trx, request, found, 'passkey', true)
    return portalLoginResponseOf(issued, found)
  })
}
