import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { auditRowDigest, canonicalJson, genesisHash, storableJson, type AuditChainContent } from '../../../src/server/domain/audit/chain'
import { describeAuditChain } from '../../../src/server/domain/audit/verify'

const row: AuditChainContent = {
  seq: '1',
  at: new Date('2026-03-02T08:00:00.123Z'),
  actor_id: 1,
  actor_login: 'admin',
  actor_role: 'administrator',
  target_user_id: 42,
  action: 'user.update',
  changes: { phone: { from: null, to: '+86 21 5555 0000' }, name: { from: 'Li', to: 'Li Wei' } },
  ip: '127.0.0.1',
  user_agent: 'PortalDesk/0.1.0',
  ticket_ref: 'HD-1',
  reason: 'Customer called',
  verification_method: 'email_code'
}

describe('auditRowDigest', () => {
  it('is a SHA-256 in hex over a fixed prefix, the previous hash and the canonical content', () => {
    const digest = auditRowDigest(genesisHash, row)
    expect(digest).toMatch(/^[0-9a-f]{64}$/)
    const content = canonicalJson({ ...row, at: '2026-03-02T08:00:00.123Z' })
    expect(digest).toBe(createHash('sha256').update(`portaldesk.audit.v1\n${genesisHash}\n${content}`).digest('hex'))
    expect(auditRowDigest(genesisHash, { ...row })).toBe(digest)
  })

  it('does not depend on the order of keys, at any depth (jsonb hands them back in its own order)', () => {
    const reordered: AuditChainContent = {
      ...row,
      changes: { name: { to: 'Li Wei', from: 'Li' }, phone: { to: '+86 21 5555 0000', from: null } }
    }
    expect(auditRowDigest(genesisHash, reordered)).toBe(auditRowDigest(genesisHash, row))
  })

  it('changes with every column, the place in the chain and the previous hash', () => {
    const digest = auditRowDigest(genesisHash, row)
    const variants: Partial<AuditChainContent>[] = [
      { seq: '2' },
      { at: new Date('2026-03-02T08:00:00.124Z') },
      { actor_id: 2 },
      { actor_login: 'admin2' },
      { actor_role: 'support' },
      { target_user_id: 43 },
      { action: 'user.create' },
      { changes: { phone: { from: null, to: '+86 21 5555 0001' }, name: { from: 'Li', to: 'Li Wei' } } },
      { ip: '127.0.0.2' },
      { user_agent: null },
      { ticket_ref: 'HD-2' },
      { reason: 'Customer called.' },
      { verification_method: null }
    ]
    const digests = variants.map((change) => auditRowDigest(genesisHash, { ...row, ...change }))
    expect(new Set([digest, ...digests]).size).toBe(variants.length + 1)
    expect(auditRowDigest('f'.repeat(64), row)).not.toBe(digest)
  })

  it('tells null from a missing key in the changes, and refuses a row with a column missing', () => {
    const withNull = auditRowDigest(genesisHash, { ...row, changes: { email: { from: null, to: 'a@example.com' } } })
    const withoutKey = auditRowDigest(genesisHash, { ...row, changes: { email: { to: 'a@example.com' } } })
    expect(withNull).not.toBe(withoutKey)
    // An undefined value is no value at all, as in the stored JSON.
    expect(auditRowDigest(genesisHash, { ...row, changes: { email: { from: undefined, to: 'a@example.com' } } })).toBe(withoutKey)
    const { ip: _ip, ...missing } = row
    expect(() => auditRowDigest(genesisHash, missing as AuditChainContent)).toThrow(/ip is missing/)
    expect(() => auditRowDigest('not a hash', row)).toThrow(/64 lowercase hex/)
  })

  it('hashes unicode as written (no normalisation), and a lone surrogate as the U+FFFD the database stores', () => {
    const composed = auditRowDigest(genesisHash, { ...row, reason: 'café 王芳 👩‍💻' })
    const decomposed = auditRowDigest(genesisHash, { ...row, reason: 'cafe\u0301 王芳 👩‍💻' })
    expect(composed).not.toBe(decomposed)
    expect(auditRowDigest(genesisHash, { ...row, reason: 'x\ud800' })).toBe(auditRowDigest(genesisHash, { ...row, reason: 'x\ufffd' }))
    expect(auditRowDigest(genesisHash, { ...row, changes: { ['k\udc00']: { from: 'a\ud800', to: 1 } } })).toBe(
      auditRowDigest(genesisHash, { ...row, changes: { ['k\ufffd']: { from: 'a\ufffd', to: 1 } } })
    )
  })

  it('keeps numbers as JSON writes them and the stored value equal to the hashed one', () => {
    const changes = { b: { from: 1.5, to: 1e21 }, a: { from: Number.NaN, to: [undefined, -0] } }
    const stored = storableJson(changes)
    expect(stored).toEqual({ a: { from: null, to: [null, 0] }, b: { from: 1.5, to: 1e21 } })
    expect(Object.keys(stored)).toEqual(['a', 'b'])
    expect(auditRowDigest(genesisHash, { ...row, changes: stored })).toBe(auditRowDigest(genesisHash, { ...row, changes: JSON.parse(JSON.stringify(stored)) as typeof stored }))
  })
})

describe('describeAuditChain', () => {
  it('prints "intact" with the row count and the head, or the first broken row and why', () => {
    expect(describeAuditChain({ intact: true, rows: 3, head: { seq: '3', hash: 'ab'.repeat(32) } })).toMatch(
      new RegExp(`^audit log intact: 3 rows\\nhead: 3:${'ab'.repeat(32)}\\n`)
    )
    expect(describeAuditChain({ intact: true, rows: 0, head: null })).toBe('audit log intact: 0 rows')
    expect(describeAuditChain({ intact: false, rows: 4, brokenAt: { id: '9', seq: '5', reason: 'contentChanged' } })).toBe('audit log broken at row 9 (content changed)')
    expect(describeAuditChain({ intact: false, rows: 4, brokenAt: { id: '9', seq: '6', reason: 'rowMissing' } })).toBe('audit log broken at row 9 (row missing)')
    expect(describeAuditChain({ intact: false, rows: 4, brokenAt: { id: '9', seq: '5', reason: 'chainRelinked' } })).toBe('audit log broken at row 9 (chain re-linked)')
    expect(describeAuditChain({ intact: false, rows: 4, brokenAt: { id: '9', seq: '4', reason: 'tailMissing' } })).toBe(
      'audit log broken after row 9 (rows missing at the end: the chain ends at seq 4, before the recorded head)'
    )
  })
})
