import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { passkeyItem, portalLoginResponse } from '../../src/shared/portal'
import { backends } from './support/backends'
import { passkeyRegistrationChallenge, passkeySiteOf, signInWithPasskey, SoftwareAuthenticator } from './support/software-authenticator'
import { expectNothingChanged, expectRefusal } from './support/operators'
import { startTestPortal, testPassword, type TestPortal } from './support/portal'
import { attempts, auditActions, signInablePortalUsers, signInPortalUser, type PortalUserRow } from './portal-helpers'

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

  it.runIf(backend.enabled)('registers a passkey after the password, then signs in with it; rename, list, delete', async () => {
    const user = users[0] as PortalUserRow
    const site = await passkeySiteOf(portal, user)
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

    const { answer, response: assertion } = await signInWithPasskey(portal, authenticator, site)
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
    const afterDelete = await signInWithPasskey(portal, authenticator, site)
    expectRefusal(afterDelete.answer, 401, 'INVALID_CREDENTIALS')
    const actions = (await auditActions(portal, user.id)).map((a) => a.action).filter((a) => a.startsWith('passkey.'))
    expect(actions).toEqual(['passkey.add', 'passkey.rename', 'passkey.remove'])
  })

  it.runIf(backend.enabled)('refuses a registration for another origin, a forged signature, and another user\'s passkey', async () => {
    const [owner, stranger] = [users[1] as PortalUserRow, users[2] as PortalUserRow]
    const site = await passkeySiteOf(portal, owner)
    const client = await signInPortalUser(portal, owner.login)
    const authenticator = new SoftwareAuthenticator()

    const phishing = authenticator.register({ challenge: await passkeyRegistrationChallenge(client), rpId: site.rpId, origin: 'https://evil.example' })
    expectRefusal(await expectNothingChanged(portal, () => client.post('/api/v1/me/passkeys', { name: 'Phished', response: phishing })), 400, 'VALIDATION')
    const good = authenticator.register({ challenge: await passkeyRegistrationChallenge(client), rpId: site.rpId, origin: site.origin })
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
