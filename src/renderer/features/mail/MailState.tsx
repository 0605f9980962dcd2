import { Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { mailboxRoute } from './mailbox-route'
import { useMailState, useMailStatus } from './mail-queries'

/**
 * One line under an action's success message: what really happened to the email it queued, live.
 * It never says "sent" before the portal does.
 */
export function MailState({ mailId }: { mailId: string }) {
  const { t } = useTranslation()
  const [startedAt] = useState(() => Date.now())
  const state = useMailState(mailId, startedAt)
  const status = useMailStatus()
  let text: string
  let extra: ReactNode = null
  if (state.isError) text = t('mail.state.unknown')
  else if (!state.data) text = t('mail.state.checking')
  else {
    const { state: current, reason } = state.data
    if (current === 'failed') text = reason ? t('mail.state.failed', { reason }) : t('mail.state.failedNoReason')
    else text = t(`mail.state.${current}`)
    if (current === 'off' && status.data?.mailbox) {
      extra = (
        <>
          {' '}
          <a href={`#${mailboxRoute}`} data-testid="mail-state-mailbox-link">
            {t('mail.state.offMailbox')}
          </a>
        </>
      )
    }
  }
  return (
    <Typography.Text data-testid="mail-state" data-mail-state={state.data?.state ?? 'unknown'} type={state.data?.state === 'failed' ? 'danger' : undefined}>
      {text}
      {extra}
    </Typography.Text>
  )
}

/** An action's success message with the live state of its email below (none when it was not mailed). */
export function MailNotice({ headline, mailId }: { headline: string; mailId: string | null }) {
  return (
    <span data-testid="mail-notice">
      {headline}
      {mailId !== null ? (
        <>
          <br />
          <MailState mailId={mailId} />
        </>
      ) : null}
    </span>
  )
}
