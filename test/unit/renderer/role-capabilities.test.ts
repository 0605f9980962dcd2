import { describe, expect, it } from 'vitest'
import { roleCan, roleNeeded } from '../../../src/renderer/app/role-capabilities'

describe('role capabilities', () => {
  it('offers support the helpdesk actions on portal users only, and administrators everything', () => {
    expect(roleCan('support', 'password.resetLink', 'portal')).toBe(true)
    expect(roleCan('support', 'password.resetLink', 'internal')).toBe(false)
    expect(roleCan('support', 'users.archive', 'portal')).toBe(false)
    expect(roleCan('administrator', 'users.delete', 'internal')).toBe(true)
    // Without a target only an unrestricted scope counts: the outbox is no support agent's.
    expect(roleCan('support', 'outbox.read')).toBe(false)
  })

  it('names the administrator as the role that may do what support may not', () => {
    expect(roleNeeded('support', 'users.archive', 'portal')).toBe('administrator')
    expect(roleNeeded('support', 'password.resetLink', 'internal')).toBe('administrator')
    expect(roleNeeded('support', 'password.resetLink', 'portal')).toBeNull()
    expect(roleNeeded('administrator', 'users.delete', 'internal')).toBeNull()
    expect(roleNeeded(null, 'users.read', 'portal')).toBe('support')
  })
})
