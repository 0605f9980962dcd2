/** The per-user mail limit by default: emails of the limited kinds to one user within the window. */
export const recipientMailLimit = { limit: 5, windowMinutes: 60 } as const

/** The OpenAPI description of the refusal, for the endpoints whose email counts. */
export const recipientMailLimitNote =
  `429 RATE_LIMITED (details.reason mailLimit, with limit, windowMinutes and retryAfterSeconds; also Retry-After) once the user got ` +
  `${recipientMailLimit.limit} emails of these kinds (reset links, username reminders, 2FA invitations, verification codes, portal invitations) ` +
  `in the last ${recipientMailLimit.windowMinutes} minutes.`

/**
 * The refusal when a user already got as many emails as the per-user mail limit allows (429
 * RATE_LIMITED). The server fills it from its policy; the desk words it from these numbers.
 */
export interface MailLimitDetails {
  reason: 'mailLimit'
  /** Emails of the limited kinds that one user may get within the window. */
  limit: number
  windowMinutes: number
  /** When the next one may be sent (also the Retry-After header). */
  retryAfterSeconds: number
}

function positive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
}

/** The mail-limit details of an error's `details`, or null when it is another refusal. */
export function mailLimitDetailsOf(details: unknown): MailLimitDetails | null {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null
  const candidate = details as Record<string, unknown>
  if (candidate.reason !== 'mailLimit') return null
  if (!positive(candidate.limit) || !positive(candidate.windowMinutes) || !positive(candidate.retryAfterSeconds)) return null
  return { reason: 'mailLimit', limit: candidate.limit, windowMinutes: candidate.windowMinutes, retryAfterSeconds: candidate.retryAfterSeconds }
}

/** Whole minutes to wait, at least one. */
export function retryAfterMinutes(details: Pick<MailLimitDetails, 'retryAfterSeconds'>): number {
  return Math.max(1, Math.ceil(details.retryAfterSeconds / 60))
}

/** The API's English message: names the limit and when to try again. */
export function mailLimitRefusal(details: MailLimitDetails): string {
  const window = details.windowMinutes === 60 ? 'an hour' : `in ${details.windowMinutes} minutes`
  const minutes = retryAfterMinutes(details)
  return (
    `At most ${details.limit} emails ${window} can be sent to this user (reset links, username reminders, 2FA invitations, ` +
    `verification codes and portal invitations together). Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  )
}
