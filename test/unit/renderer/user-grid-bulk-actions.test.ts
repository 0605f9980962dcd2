import { describe, expect, it, vi } from 'vitest'
import { DeskError } from '../../../src/shared/errors'
import type { DeskClient } from '../../../src/shared/ipc/desk-api'
import { bulkActions, failureReasonOf, type BulkTarget } from '../../../src/renderer/features/user-grid/bulk/bulk-actions'
import { skipsAhead } from '../../../src/renderer/features/user-grid/bulk/BulkConfirmDialog'

function target(id: number, overrides: Partial<BulkTarget> = {}): BulkTarget {
  return { id, name: `User ${id}`, login: `user${id}`, email: `user${id}@example.com`, active: true, twoFactor: false, kind: 'portal', ...overrides }
}

describe('bulk actions: who is skipped without a call', () => {
  it('skips what would be pointless, and only that', () => {
    const noEmail = target(1, { email: null })
    const archived = target(2, { active: false })
    const withTwoFactor = target(3, { twoFactor: true })
    const plain = target(4)
    const operator = target(9)
    const skip = (action: keyof typeof bulkActions, user: BulkTarget) => bulkActions[action].skipReason(user, 9)

    expect([noEmail, archived, withTwoFactor, plain].map((user) => skip('sendResetLink', user))).toEqual(['noEmail', 'archived', null, null])
    expect([noEmail, archived, withTwoFactor, plain].map((user) => skip('inviteTwoFactor', user))).toEqual(['noEmail', 'archived', 'twoFactorOn', null])
    expect([noEmail, archived, withTwoFactor, plain].map((user) => skip('revokeSessions', user))).toEqual([null, 'archived', null, null])
    expect([noEmail, archived, plain, operator].map((user) => skip('archive', user))).toEqual([null, 'alreadyArchived', null, 'ownAccount'])
  })

  it('counts the skips ahead for the confirmation', () => {
    const users = [target(1, { email: null }), target(2, { twoFactor: true }), target(3, { email: null }), target(4)]
    expect(skipsAhead('inviteTwoFactor', users, null)).toEqual([
      ['noEmail', 2],
      ['twoFactorOn', 1]
    ])
    expect(skipsAhead('revokeSessions', users, null)).toEqual([])
  })
})

describe('bulk actions: the channel each one calls', () => {
  it('passes the user and the audit context to the right channel', async () => {
    const resolved = () => vi.fn().mockResolvedValue({})
    const desk = {
      security: { sendResetLink: resolved(), invite2fa: resolved(), revokeSessions: resolved() },
      users: { archive: resolved() }
    }
    const audit = { ticketRef: 'HD-1', reason: 'phishing wave' }
    const client = desk as unknown as DeskClient
    await bulkActions.sendResetLink.call(client, target(5), audit)
    await bulkActions.inviteTwoFactor.call(client, target(6), audit)
    await bulkActions.revokeSessions.call(client, target(7), audit)
    await bulkActions.archive.call(client, target(8), audit)
    expect(desk.security.sendResetLink).toHaveBeenCalledWith({ id: 5, audit })
    expect(desk.security.invite2fa).toHaveBeenCalledWith({ id: 6, audit })
    expect(desk.security.revokeSessions).toHaveBeenCalledWith({ id: 7, audit })
    expect(desk.users.archive).toHaveBeenCalledWith({ id: 8, audit })
  })
})

describe('bulk actions: refusals in words', () => {
  const issue = (path: string) => [{ path, message: 'server words' }]

  it('reads the field the server names, then the code', () => {
    expect(failureReasonOf('sendResetLink', new DeskError('VALIDATION', 'x', issue('active')))).toEqual({ reason: 'archived', code: 'VALIDATION' })
    expect(failureReasonOf('sendResetLink', new DeskError('VALIDATION', 'x', issue('email')))).toEqual({ reason: 'noEmail', code: 'VALIDATION' })
    expect(failureReasonOf('sendResetLink', new DeskError('VALIDATION', 'x', issue('id')))).toEqual({ reason: 'deleted', code: 'VALIDATION' })
    expect(failureReasonOf('inviteTwoFactor', new DeskError('CONFLICT', 'x', issue('twoFactor')))).toEqual({ reason: 'twoFactorOn', code: 'CONFLICT' })
    expect(failureReasonOf('inviteTwoFactor', new DeskError('CONFLICT', 'x', issue('active')))).toEqual({ reason: 'archived', code: 'CONFLICT' })
    expect(failureReasonOf('revokeSessions', new DeskError('VALIDATION', 'x', issue('X-Ticket-Ref')))).toEqual({ reason: 'ticketRequired', code: 'VALIDATION' })
    expect(failureReasonOf('revokeSessions', new DeskError('NOT_FOUND'))).toEqual({ reason: 'notFound', code: 'NOT_FOUND' })
    expect(failureReasonOf('revokeSessions', new DeskError('FORBIDDEN'))).toEqual({ reason: 'forbidden', code: 'FORBIDDEN' })
    expect(failureReasonOf('archive', new DeskError('CONFLICT', 'This user is already archived.'))).toEqual({ reason: 'alreadyArchived', code: 'CONFLICT' })
    expect(failureReasonOf('archive', new DeskError('UNAUTHORIZED'))).toEqual({ reason: 'sessionEnded', code: 'UNAUTHORIZED' })
    expect(failureReasonOf('sendResetLink', new DeskError('UNREACHABLE'))).toEqual({ reason: 'other', code: 'UNREACHABLE' })
    expect(failureReasonOf('sendResetLink', new Error('a bug'))).toEqual({ reason: 'other', code: 'INTERNAL' })
  })
})
