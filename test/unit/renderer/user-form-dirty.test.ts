import { describe, expect, it, vi } from 'vitest'
import { isSaveShortcut, leavesWithUnsavedChanges } from '../../../src/renderer/features/user-form/dirty-guard'
import { changedFields, formValuesOf, hasChanges, patchOf } from '../../../src/renderer/features/user-form/form-values'
import { mergeAudit, saveUser } from '../../../src/renderer/features/user-form/save-user'
import { fakeDesk } from './support/fake-desk'
import { portalUser } from './user-form-fixtures'

const user = portalUser()
const base = formValuesOf(user)

describe('dirty state: what counts as a change', () => {
  it('starts clean, and typing back the saved value is clean again', () => {
    expect(hasChanges(patchOf(base, base))).toBe(false)
    expect(hasChanges(patchOf(base, { ...base, city: 'Suzhou' }))).toBe(true)
    expect(hasChanges(patchOf(base, { ...base, city: ' Shanghai ' }))).toBe(false)
    expect(hasChanges(patchOf(base, { ...base, emails: ['wei@backup.example', '  '] }))).toBe(false)
  })

  it('sends only the changed fields, in the API’s form: trimmed, empty optional text as null', () => {
    const patch = patchOf(base, { ...base, namePrefix: '', middleName: ' Ming ', phone: '', country: 'de', emails: ['wei@backup.example', 'wei@work.example'], birthday: null })
    expect(patch).toEqual({ namePrefix: null, middleName: 'Ming', phone: null, country: 'DE', emails: ['wei@backup.example', 'wei@work.example'], birthday: null })
  })

  it('leaves the company name and VAT out when the company itself changes', () => {
    const patch = patchOf(base, { ...base, companyId: 5, companyName: 'Renamed', vat: 'X1' })
    expect(patch).toEqual({ companyId: 5 })
    expect(changedFields(base, { ...base, companyName: 'Renamed' })).toEqual(['companyName'])
  })

  it('never sends a role for a portal user', () => {
    expect(patchOf(base, { ...base, role: null })).toEqual({})
    const internal = formValuesOf(portalUser({ kind: 'internal', role: 'support' }))
    expect(patchOf(internal, { ...internal, role: 'administrator' })).toEqual({ role: 'administrator' })
  })
})

describe('the unsaved-changes guard', () => {
  it('holds a navigation to another page or tab only while something is unsaved', () => {
    expect(leavesWithUnsavedChanges(true, { pathname: '/users/42' }, { pathname: '/users' })).toBe(true)
    expect(leavesWithUnsavedChanges(true, { pathname: '/users/42' }, { pathname: '/users/42/activity' })).toBe(true)
    expect(leavesWithUnsavedChanges(true, { pathname: '/users/42' }, { pathname: '/users/42' })).toBe(false)
    expect(leavesWithUnsavedChanges(false, { pathname: '/users/42' }, { pathname: '/users' })).toBe(false)
  })

  it('knows Ctrl+S and ⌘S', () => {
    const keys = { altKey: false, shiftKey: false, ctrlKey: false, metaKey: false }
    expect(isSaveShortcut({ ...keys, key: 's', ctrlKey: true })).toBe(true)
    expect(isSaveShortcut({ ...keys, key: 'S', metaKey: true })).toBe(true)
    expect(isSaveShortcut({ ...keys, key: 's' })).toBe(false)
    expect(isSaveShortcut({ ...keys, key: 's', ctrlKey: true, shiftKey: true })).toBe(false)
  })
})

describe('saving', () => {
  it('sends the changed fields with the version that was read, then the avatar, reporting each step', async () => {
    const desk = fakeDesk()
    const afterFields = portalUser({ version: 8, city: 'Suzhou' })
    const afterAvatar = portalUser({ version: 9, city: 'Suzhou', avatarUrl: '/api/v1/users/42/avatar?v=1' })
    desk.users.update.mockResolvedValue(afterFields)
    desk.users.setAvatar.mockResolvedValue(afterAvatar)
    const committed = vi.fn()

    const saved = await saveUser(
      desk,
      { base: user, values: { ...base, city: 'Suzhou' }, avatar: { kind: 'set', contentType: 'image/png', base64: 'iVBORw0KGgo=', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' }, audit: undefined },
      committed
    )

    expect(saved).toBe(afterAvatar)
    expect(desk.users.update).toHaveBeenCalledWith({ id: 42, patch: { city: 'Suzhou', version: 7 }, audit: undefined })
    expect(desk.users.setAvatar).toHaveBeenCalledWith({ id: 42, contentType: 'image/png', base64: 'iVBORw0KGgo=', audit: undefined })
    expect(committed.mock.calls).toEqual([
      [afterFields, 'fields'],
      [afterAvatar, 'avatar']
    ])
  })

  it('keeps the first step when the second fails, and sends no update when only the avatar changes', async () => {
    const desk = fakeDesk()
    desk.users.removeAvatar.mockRejectedValue(new Error('offline'))
    const committed = vi.fn()
    await expect(saveUser(desk, { base: user, values: base, avatar: { kind: 'remove' }, audit: { reason: 'r' } }, committed)).rejects.toThrow('offline')
    expect(desk.users.update).not.toHaveBeenCalled()
    expect(desk.users.removeAvatar).toHaveBeenCalledWith({ id: 42, audit: { reason: 'r' } })
    expect(committed).not.toHaveBeenCalled()
  })

  it('joins the lock override’s reason with the confirmation’s', () => {
    expect(mergeAudit(undefined, undefined)).toBeUndefined()
    expect(mergeAudit({ reason: 'Moved to Germany' }, undefined)).toEqual({ reason: 'Moved to Germany' })
    expect(mergeAudit({ reason: 'Moved' }, { ticketRef: 'HD-1', reason: 'Rename' })).toEqual({ ticketRef: 'HD-1', reason: 'Moved — Rename' })
  })
})
