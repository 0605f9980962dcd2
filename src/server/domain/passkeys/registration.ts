import { generateRegistrationOptions, verifyRegistrationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server'
import type { Kysely } from 'kysely'
import { DeskError } from '../../../shared/errors'
import type { PasskeyItem } from '../../../shared/portal'
import type { Database } from '../../db/schema'
import { challengeOfClientData, consumeChallenge, storeChallenge } from './challenges'
import { toPasskeyItem } from './manage'
import { relyingPartyOfWebsite } from './relying-party'
import { fieldRefusal } from '../refusal'

/** A user may keep this many passkeys; enough for every device, and a bound on the list. */
export const maxPasskeysPerUser = 20

export interface PasskeyOwner {
  id: number
  login: string
  name: string
  websiteId: number | null
  sessionId: string
}

/**
 * Step one of adding a passkey (after the password was confirmed): creation options for the user's
 * website, excluding the credentials they already have, with a challenge bound to this session.
 */
export async function beginPasskeyRegistration(db: Kysely<Database>, owner: PasskeyOwner, now: Date): Promise<Record<string, unknown>> {
  const party = await relyingPartyOfWebsite(db, owner.websiteId)
  const existing = await db.selectFrom('passkeys').select(['credential_id', 'transports']).where('user_id', '=', owner.id).execute()
  if (existing.length >= maxPasskeysPerUser) {
    throw fieldRefusal('VALIDATION', 'passkeyLimit', 'passkeys', `You can keep at most ${maxPasskeysPerUser} passkeys. Delete one first.`, 'Too many passkeys.')
  }
  const options = await generateRegistrationOptions({
    rpName: party.name,
    rpID: party.id,
    userName: owner.login,
    userDisplayName: owner.name,
    // The user handle is the account id: opaque, stable, and no personal data.
    userID: new TextEncoder().encode(String(owner.id)),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id.toString('base64url'), transports: p.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' }
  })
  await storeChallenge(db, { value: options.challenge, purpose: 'registration', userId: owner.id, sessionId: owner.sessionId }, now)
  return { ...options }
}

/**
 * Step two: the authenticator's attestation. The challenge must be this session's, unused and
 * unexpired; origin and RP ID must be the user's website. Stores the credential and returns it.
 * Anything that does not verify is 400 VALIDATION on `response`, nothing stored.
 */
export async function finishPasskeyRegistration(
  trx: Kysely<Database>,
  owner: PasskeyOwner,
  input: { name: string; response: RegistrationResponseJSON },
  now: Date
): Promise<PasskeyItem> {
  const refuse = (message: string) => new DeskError('VALIDATION', message, [{ path: 'response', message }])
  const party = await relyingPartyOfWebsite(trx, owner.websiteId)
  const challenge = challengeOfClientData(input.response.response.clientDataJSON)
  if (!challenge || !(await consumeChallenge(trx, { value: challenge, purpose: 'registration', userId: owner.id, sessionId: owner.sessionId }, now))) {
    throw refuse('This passkey request has expired or was already used. Start again.')
  }
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>
  try {
    verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: party.origin,
      expectedRPID: party.id,
      // Sign-in requires user verification, so a passkey that cannot verify its user is no use.
      requireUserVerification: true
    })
  } catch {
    throw refuse('The passkey could not be verified. Try again with your device.')
  }
  if (!verified.verified) throw refuse('The passkey could not be verified. Try again with your device.')
  const info = verified.registrationInfo
  const credentialId = Buffer.from(info.credential.id, 'base64url')
  if (credentialId.length < 16 || credentialId.length > 1023 || info.credential.publicKey.length > 2048) throw refuse('This authenticator is not supported.')
  const row = await trx
    .insertInto('passkeys')
    .values({
      user_id: owner.id,
      name: input.name,
      credential_id: credentialId,
      public_key: Buffer.from(info.credential.publicKey),
      sign_count: info.credential.counter,
      transports: (input.response.response.transports ?? []).slice(0, 10),
      device_type: info.credentialDeviceType,
      backed_up: info.credentialBackedUp,
      created_at: now
    })
    .returning(['id', 'name', 'created_at', 'last_used_at'])
    .executeTakeFirstOrThrow()
  return toPasskeyItem(row)
}
