import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import { isoCBOR } from '@simplewebauthn/server/helpers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passkeyItem, portalLoginResponse } from '../../src/shared/portal'
import { backends } from './support/backends'
import { expectNothingChanged, expectRefusal } from './support/operators'
import { startTestPortal, testPassword, type TestPortal } from './support/portal'
import { attempts, auditActions, signInablePortalUsers, signInPortalUser, type PortalClient, type PortalUserRow } from './portal-helpers'

/**
 * A software authenticator: a P-256 key pair that answers WebAuthn ceremonies the way a browser and
 * a security key would (attestation "none", ES256 assertions), so that registration and sign-in run
 * through @simplewebauthn/server for real.
 */
class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32)
  private readonly privateKey: KeyObject
  private readonly cosePublicKey: Uint8Array
  private counter = 0

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    this.privateKey = privateKey
    const jwk = publicKey.export({ format: 'jwk' })
    this.cosePublicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x ?? '', 'base64url')],
        [-3, Buffer.from(jwk.y ?? '', 'base64url')]
      ])
    )
  }

  private authenticatorData(rpId: string, withCredential: boolean, userVerified = true): Buffer {
    // user present (0x01), user verified (0x04), attested credential data (0x40)
    const flags = 0x01 | (userVerified ? 0x04 : 0) | (withCredential ? 0x40 : 0)
    const count = Buffer.alloc(4)
    count.writeUInt32BE(this.counter)
    const parts = [createHash('sha256').update(rpId).digest(), Buffer.from([flags]), count]
    if (withCredential) {
      const length = Buffer.alloc(2)
      length.writeUInt16BE(this.credentialId.length)
      parts.push(Buffer.alloc(16), length, this.credentialId, Buffer.from(this.cosePublicKey))
    }
    return Buffer.concat(parts)
  }

  register(options: { challenge: string; rpId: string; origin: string }) {
    const clientData = Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin: options.origin, crossOrigin: false }))
    const noStatement = new Map<string, never>()
    const attestation = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, never>>([
        ['fmt', 'none'],
        ['attStmt', noStatement],
        ['authData', this.authenticatorData(options.rpId, true)]
      ])
    )
    const id = this.credentialId.toString('base64url')
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: { clientDataJSON: clientData.toString('base64url'), attestationObject: Buffer.from(attestation).toString('base64url'), transports: ['usb'] },
      clientExtensionResults: {}
    }
  }

  assert(options: { challenge: string; rpId: string; origin: string; userHandle?: string; userVerified?: boolean }) {
    this.counter += 1
    const clientData = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: options.origin, crossOrigin: false }))
    const authData = this.authenticatorData(options.rpId, false, options.userVerified ?? true)
    const signature = sign('sha256', Buffer.concat([authData, createHash('sha256').update(clientData).digest()]), this.privateKey)
    const id = this.credentialId.toString('base64url')
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: clientData.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        signature: signature.toString('base64url'),
        ...(options.userHandle ? { userHandle: options.userHandle } : {})
      },
      clientExtensionResults: {}
    }
  }
}

describe.each(backends)('passkeys on $name', (backend) => {
  let portal: TestPortal
  let users: PortalUserRow[]

  beforeAll(async () => {
    if (!backend.enabled) return
    portal = await startTestPortal(backend, { portalUsers: 100 })
    users = await signInablePortalUsers(portal, 5)
  })
  afterAll(async () => {
    await portal?.close()
  })

  async function websiteOf(user: PortalUserRow) {
    const site = await portal.server.database.db.selectFrom('websites').select(['id', 'url', 'host']).where('id', '=', user.website_id ?? 0).executeTakeFirstOrThrow()
    return { id: site.id, rpId: site.host, origin: new URL(site.url).origin }
  }

  async function registrationChallenge(client: PortalClient): Promise<string> {
    const response = await client.post('/api/v1/me/passkeys/options', { password: testPassword })
    expect(response.status, response.text).toBe(200)
    return (response.body as { options: { challenge: string } }).options.challenge
  }

  async function signInWithPasskey(authenticator: SoftwareAuthenticator, site: { id: number; rpId: string; origin: string }) {
    const options = await portal.request('POST', '/api/v1/portal/passkeys/options', { json: { websiteId: site.id } })
    expect(options.status, options.text).toBe(200)
    const { challenge, rpId } = (options.body as { options: { challenge: string; rpId: string } }).options
    expect(rpId).toBe(site.rpId)
    const response = authenticator.assert({ challenge, rpId: site.rpId, origin: site.origin })
    return { response, answer: await portal.request('POST', '/api/v1/portal/passkeys/login', { json: { response } }) }
  }

  it.runIf(backend.enabled)('registers a passkey after the password, then signs in with it; rename, list, delete', async () => {
    const user = users[0] as PortalUserRow
    const site = await websiteOf(user)
    const client = await signInPortalUser(portal, user.login)
    const authenticator = new SoftwareAuthenticator()

    expectRefusal(await client.post('/api/v1/me/passkeys/options', { password: 'not mine' }), 401, 'INVALID_CREDENTIALS')
    const options = await client.post('/api/v1/me/passkeys/options', { password: testPassword })
    const { challenge, rp, user: webauthnUser } = (options.body as { options: { challenge: string; rp: { id: string }; user: { name: string } } }).options
    expect(rp.id).toBe(site.rpId)
    expect(webauthnUser.name).toBe(user.login)

    const registration = authenticator.register({ challenge, rpId: site.rpId, origin: site.origin })
    const created = await client.post('/api/v1/me/passkeys', { name: 'YubiKey 5C', response: registration })
    expect(created.status, created.text).toBe(201)
    const item = passkeyItem.parse(created.body)
    expect(item.name).toBe('YubiKey 5C')
    // The challenge was spent: the same answer again is refused and stores nothing.
    expectRefusal(await expectNothingChanged(portal, () => client.post('/api/v1/me/passkeys', { name: 'Again', response: registration })), 400, 'VALIDATION')

    const { answer, response: assertion } = await signInWithPasskey(authenticator, site)
    expect(answer.status, answer.text).toBe(200)
    const session = portalLoginResponse.parse(answer.body)
    expect(session.user.id).toBe(user.id)
    expect((await portal.request('GET', '/api/v1/me', { token: session.token })).status).toBe(200)
    expect((await attempts(portal, user.id)).at(-1)).toEqual({ success: true, reason: 'passkey', audience: 'portal' })
    const stored = await portal.server.database.db.selectFrom('passkeys').select(['sign_count', 'last_used_at']).where('id', '=', item.id).executeTakeFirstOrThrow()
    expect(Number(stored.sign_count)).toBe(1)
    expect(stored.last_used_at?.getTime()).toBe(portal.clock.now().getTime())
    // A replayed assertion (its challenge spent) is the generic refusal.
    expectRefusal(await portal.request('POST', '/api/v1/portal/passkeys/login', { json: { response: assertion } }), 401, 'INVALID_CREDENTIALS')

    const renamed = await client.patch(`/api/v1/me/passkeys/${item.id}`, { name: 'Desk key 🔑' })
    expect(renamed.status, renamed.text).toBe(200)
    const list = await client.get('/api/v1/me/passkeys')
    expect((list.body as { items: { id: number; name: string }[] }).items).toEqual([expect.objectContaining({ id: item.id, name: 'Desk key 🔑' })])

    expect((await client.delete(`/api/v1/me/passkeys/${item.id}`)).status).toBe(204)
    const afterDelete = await signInWithPasskey(authenticator, site)
    expectRefusal(afterDelete.answer, 401, 'INVALID_CREDENTIALS')
    const actions = (await auditActions(portal, user.id)).map((a) => a.action).filter((a) => a.startsWith('passkey.'))
    expect(actions).toEqual(['passkey.add', 'passkey.rename', 'passkey.remove'])
  })

  it.runIf(backend.enabled)('refuses a registration for another origin, a forged signature, and another user\'s passkey', async () => {
    const [owner, stranger] = [users[1] as PortalUserRow, users[2] as PortalUserRow]
    const site = await websiteOf(owner)
    const client = await signInPortalUser(portal, owner.login)
    const authenticator = new SoftwareAuthenticator()

    const phishing = authenticator.register({ challenge: await registrationChallenge(client), rpId: site.rpId, origin: 'https://evil.example' })
    expectRefusal(await expectNothingChanged(portal, () => client.post('/api/v1/me/passkeys', { name: 'Phished', response: phishing })), 400, 'VALIDATION')
    const good = authenticator.register({ challenge: await registrationChallenge(client), rpId: site.rpId, origin: site.origin })
    const created = passkeyItem.parse((await client.post('/api/v1/me/passkeys', { name: 'Laptop', response: good })).body)

    const options = await portal.request('POST', '/api/v1/portal/passkeys/options', { json: { websiteId: site.id } })
    const { challenge } = (options.body as { options: { challenge: string } }).options
    const forged = authenticator.assert({ challenge, rpId: site.rpId, origin: site.origin })
    forged.response.signature = Buffer.from('not a signature at all').toString('base64url')
    expectRefusal(await portal.request('POST', '/api/v1/portal/passkeys/login', { json: { response: forged } }), 401, 'INVALID_CREDENTIALS')

    // A device that did not verify its user (no PIN, no biometrics) cannot stand in for the password.
    const second = await portal.request('POST', '/api/v1/portal/passkeys/options', { json: { websiteId: site.id } })
    const unverified = authenticator.assert({ challenge: (second.body as { options: { challenge: string } }).options.challenge, rpId: site.rpId, origin: site.origin, userVerified: false })
    expectRefusal(await portal.request('POST', '/api/v1/portal/passkeys/login', { json: { response: unverified } }), 401, 'INVALID_CREDENTIALS')
    const third = await portal.request('POST', '/api/v1/portal/passkeys/options', { json: { websiteId: site.id } })
    const verified = authenticator.assert({ challenge: (third.body as { options: { challenge: string } }).options.challenge, rpId: site.rpId, origin: site.origin })
    expect((await portal.request('POST', '/api/v1/portal/passkeys/login', { json: { response: verified } })).status).toBe(200)

    const other = await signInPortalUser(portal, stranger.login)
    await expectNothingChanged(portal, async () => {
      expectRefusal(await other.patch(`/api/v1/me/passkeys/${created.id}`, { name: 'Mine now' }), 404, 'NOT_FOUND')
      expectRefusal(await other.delete(`/api/v1/me/passkeys/${created.id}`), 404, 'NOT_FOUND')
      expectRefusal(await other.patch('/api/v1/me/passkeys/abc', { name: 'x' }), 400, 'VALIDATION')
      expectRefusal(await other.patch(`/api/v1/me/passkeys/${created.id}`, { name: 'x'.repeat(10_000) }), 400, 'VALIDATION')
      expectRefusal(await other.post('/api/v1/me/passkeys', { name: 'x', response: { id: 'a' } }), 400, 'VALIDATION')
      expectRefusal(await portal.request('POST', '/api/v1/portal/passkeys/options', { json: { websiteId: 'one' } }), 400, 'VALIDATION')
      expectRefusal(await portal.request('POST', '/api/v1/portal/passkeys/options', { json: { websiteId: 999999 } }), 400, 'VALIDATION')
    })
  })
})
