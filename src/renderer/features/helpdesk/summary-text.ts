import type { TFunction } from 'i18next'
import type { VerificationMethod } from '../../../shared/helpdesk'

/** What the agent did on this ticket, in the order done. */
export type HelpdeskAction = 'resetLink' | 'tempPassword' | 'remindUsername' | 'unlock' | 'disable2fa'

export interface DoneAction {
  action: HelpdeskAction
  /** ISO instant the server confirmed it. */
  at: string
}

export interface TicketSummary {
  ticketRef: string
  person: { name: string; login: string }
  method: VerificationMethod | null
  operator: { name: string; login: string }
  done: readonly DoneAction[]
}

/**
 * The text pasted into the ticket system: ticket and person, how the caller was verified, each action
 * with its time, and who did it. Never a secret (the temporary password is not in it).
 * `formatTime` turns an ISO instant into the agent's local time.
 */
export function summaryText(summary: TicketSummary, t: TFunction, formatTime: (iso: string) => string): string {
  const ticket = summary.ticketRef.trim()
  const header = ticket ? t('helpdesk.summary.header', { ticket, name: summary.person.name, login: summary.person.login }) : `${t('helpdesk.summary.noTicket')} — ${summary.person.name} (${summary.person.login})`
  const verified = summary.method ? t('helpdesk.summary.verifiedBy', { method: t(`helpdesk.verify.methods.${summary.method}`) }) : t('helpdesk.summary.notVerified')
  const lines = summary.done.map((done) => `- ${t('helpdesk.summary.line', { time: formatTime(done.at), action: t(`helpdesk.summary.actions.${done.action}`) })}`)
  const by = t('helpdesk.summary.by', { operator: `${summary.operator.name} (${summary.operator.login})` })
  return [header, verified, ...lines, by].join('\n')
}
