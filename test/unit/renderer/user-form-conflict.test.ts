import { describe, expect, it } from 'vitest'
import { overlappingFields, reapplyEdits, serverChanges } from '../../../src/renderer/features/user-form/conflict-merge'
import { formValuesOf, patchOf } from '../../../src/renderer/features/user-form/form-values'
import { portalUser } from './user-form-fixtures'

const base = formValuesOf(portalUser())

describe('the 409 conflict merge', () => {
  it('lists what someone else changed, with the value then, now, and the operator’s edit of the same field', () => {
    const server = { ...base, phone: '+86 21 6666 0000', city: 'Suzhou', emails: ['wei@backup.example', 'wei@work.example'] }
    const mine = { ...base, city: 'Hangzhou', firstName: 'Wendy' }

    expect(serverChanges({ base, server, mine })).toEqual([
      { field: 'emails', base: ['wei@backup.example'], server: ['wei@backup.example', 'wei@work.example'] },
      { field: 'phone', base: '+86 21 5555 0000', server: '+86 21 6666 0000' },
      { field: 'city', base: 'Shanghai', server: 'Suzhou', mine: 'Hangzhou' }
    ])
    expect(overlappingFields(serverChanges({ base, server, mine }))).toEqual(['city'])
  })

  it('re-applies only the operator’s changes on the server’s record, so no one else’s change is lost', () => {
    const server = { ...base, phone: '+86 21 6666 0000', lastName: 'Lee' }
    const mine = { ...base, firstName: 'Wendy', country: 'DE' }

    const merged = reapplyEdits({ base, server, mine })
    expect(merged).toEqual({ ...server, firstName: 'Wendy', country: 'DE' })
    // Saved on the server's version, the patch holds the operator's fields and nothing else.
    expect(patchOf(server, merged)).toEqual({ firstName: 'Wendy', country: 'DE' })
  })

  it('does not count typing that changes nothing (spaces, letter case of a country) as an edit', () => {
    const server = { ...base, city: 'Suzhou' }
    const mine = { ...base, city: ' Shanghai ', country: 'cn' }
    expect(reapplyEdits({ base, server, mine })).toEqual(server)
    expect(serverChanges({ base, server, mine })).toEqual([{ field: 'city', base: 'Shanghai', server: 'Suzhou' }])
  })

  it('lets the operator’s edit win a field both changed, and shows it as an overlap', () => {
    const server = { ...base, phone: '+1 555 0100' }
    const mine = { ...base, phone: '+1 555 0199' }
    expect(reapplyEdits({ base, server, mine }).phone).toBe('+1 555 0199')
    expect(overlappingFields(serverChanges({ base, server, mine }))).toEqual(['phone'])
    // Both made the same change: nothing to warn about.
    expect(overlappingFields(serverChanges({ base, server, mine: server }))).toEqual([])
  })

  it('finds nothing to show when only fields outside the form changed', () => {
    expect(serverChanges({ base, server: formValuesOf(portalUser({ version: 9, locked: true })), mine: { ...base, city: 'Suzhou' } })).toEqual([])
  })
})
