import { generate } from 'otplib'
import { describe, expect, it } from 'vitest'
import { acceptedTotpStep, newTotpSecret, totpUri } from '../../../src/server/domain/totp/codes'

const now = new Date('2026-03-02T08:00:10.000Z')
const epoch = (date: Date) => Math.floor(date.getTime() / 1000)

describe('TOTP codes', () => {
  it('makes 160-bit base32 secrets and an otpauth URI naming issuer and account', () => {
    const secret = newTotpSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(newTotpSecret()).not.toBe(secret)
    const uri = totpUri(secret, 'Acme Portal', 'jane.doe')
    expect(uri).toMatch(/^otpauth:\/\/totp\/Acme%20Portal:jane\.doe\?/)
    expect(uri).toContain(`secret=${secret}`)
    expect(uri).toContain('issuer=Acme%20Portal')
  })

  it('accepts the current code, one step of drift, and nothing older or newer', async () => {
    const secret = newTotpSecret()
    const code = await generate({ secret, epoch: epoch(now) })
    const step = await acceptedTotpStep(secret, code, now, null)
    expect(step).toBe(Math.floor(epoch(now) / 30))
    expect(await acceptedTotpStep(secret, code, new Date(now.getTime() + 30_000), null)).toBe(step)
    expect(await acceptedTotpStep(secret, code, new Date(now.getTime() + 90_000), null)).toBeNull()
    expect(await acceptedTotpStep(secret, code, new Date(now.getTime() - 90_000), null)).toBeNull()
  })

  it('refuses a code whose step was already used (replay) and any malformed code', async () => {
    const secret = newTotpSecret()
    const code = await generate({ secret, epoch: epoch(now) })
    const step = await acceptedTotpStep(secret, code, now, null)
    expect(step).not.toBeNull()
    expect(await acceptedTotpStep(secret, code, now, step)).toBeNull()
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 456', '١٢٣٤٥٦']) expect(await acceptedTotpStep(secret, bad, now, null)).toBeNull()
  })

  it('verifies nothing against a corrupt secret instead of throwing', async () => {
    expect(await acceptedTotpStep('not base32 !!', '123456', now, null)).toBeNull()
  })
})
