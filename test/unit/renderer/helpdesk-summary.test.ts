import { describe, expect, it } from 'vitest'
import { summaryText, type TicketSummary } from '../../../src/renderer/features/helpdesk/summary-text'
import { createI18n } from '../../../src/renderer/i18n'

const summary: TicketSummary = {
  ticketRef: ' HD-1234 ',
  person: { name: 'Wang Fang', login: 'wfang' },
  method: 'email_code',
  operator: { name: 'Sam Support', login: 'support' },
  done: [
    { action: 'resetLink', at: '2026-12-02T08:01:00Z' },
    { action: 'remindUsername', at: '2026-12-02T08:02:00Z' }
  ]
}
const time = (iso: string) => iso.slice(11, 16)

describe('the helpdesk summary', () => {
  it('says what was done, when, by whom, for which ticket and how the caller was verified', () => {
    const t = createI18n('en').t
    expect(summaryText(summary, t, time)).toBe(
      [
        'Ticket HD-1234 — Wang Fang (wfang)',
        'Identity verified by emailed code.',
        '- 08:01 Sent a password reset link.',
        '- 08:02 Emailed the username.',
        'By Sam Support (support).'
      ].join('\n')
    )
  })

  it('names a knowledge check, an administrator without a ticket, and an unverified caller', () => {
    const t = createI18n('en').t
    const knowledge = summaryText({ ...summary, ticketRef: '', method: 'knowledge', done: [{ action: 'unlock', at: '2026-12-02T09:00:00Z' }] }, t, time)
    expect(knowledge).toContain('Ticket (none) — Wang Fang (wfang)')
    expect(knowledge).toContain('Identity verified by knowledge check.')
    expect(knowledge).toContain('- 09:00 Unlocked the account.')
    expect(summaryText({ ...summary, method: null, done: [] }, t, time)).toContain('Identity not verified.')
  })

  it('is written in the operator’s language and never holds a password', () => {
    const t = createI18n('zh-CN').t
    const text = summaryText({ ...summary, done: [{ action: 'tempPassword', at: '2026-12-02T08:05:00Z' }] }, t, time)
    expect(text).toContain('工单 HD-1234')
    expect(text).toContain('身份已通过邮件验证码验证。')
    expect(text).toContain('设置了临时密码')
    expect(text).toContain('处理人：Sam Support (support)。')
  })
})
