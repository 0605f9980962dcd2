import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import { isoCBOR } from '@simplewebauthn/server/helpers'
import { expect } from 'vitest'
import type { PortalClient, PortalUserRow } from '../portal-helpers'
import { testPassword, type ApiResponse, type TestPortal } from './portal'

/**
 * A software authenticator: a P-256 key pair that answers WebAuthn ceremonies the way a browser and
 * a security key would (attestation "none", ES256 assertions), so that registration and sign-in run
 * through @simplewebauthn/server for real.
 */
export class SoftwareAuthenticator {
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

/** The relying party of a portal user's passkeys: their website. */
export interface PasskeySite {
  id: number
  rpId: string
  origin: string
}

export async function passkeySiteOf(portal: TestPortal, user: Pick<PortalUserRow, 'website_id'>): Promise<PasskeySite> {
  const site = await portal.server.database.db.selectFrom('websites').select(['id', 'url', 'host']).where('id', '=', user.website_id ?? 0).executeTakeFirstOrThrow()
  return { id: site.id, rpId: site.host, origin: new URL(site.url).origin }
}

/** The challenge of a new passkey's registration, asked for with the password as the security page does. */
export async function passkeyRegistrationChallenge(client: PortalClient): Promise<string> {
  const response = await client.post('/api/v1/me/passkeys/options', { password: testPassword })
  expect(response.status, response.text).toBe(200)
  return (response.body as { options: { challenge: string } }).options.challenge
}

/** A passkey sign-in on the user's website, the two steps of the portal's sign-in page; the server's answer and the assertion sent. */
export async function signInWithPasskey(portal: TestPortal, authenticator: SoftwareAuthenticator, site: PasskeySite): Promise<{ response: ReturnType<SoftwareAuthenticator['assert']>; answer: ApiResponse }> {
  const options = await portal.request('POST', '/api/v1/portal/passkeys/options', { json: { websiteId: site.id } })
  expect(options.status, options.text).toBe(200)
  const { challenge, rpId } = (options.body as { options: { challenge: string; rpId: string } }).options
  expect(rpId).toBe(site.rpId)
  const response = authenticator.assert({ challenge, rpId: site.rpId, origin: site.origin })
  return { response, answer: await portal.request('POST', '/api/v1/portal/passkeys/login', { json: { response } }) }
}
