import { KeyOutlined, MailOutlined, SafetyOutlined, UnlockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Space, Typography } from 'antd'
import { useState, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonMatch, Verification } from '../../../shared/helpdesk'
import type { AuditContext } from '../../../shared/ipc/audit-context'
import { useDeskClient } from '../../app/desk-client'
import { ActionDialog } from '../../components/action-dialog/ActionDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { suggestPassword } from '../../components/password/suggest-password'
import type { HelpdeskAction } from './summary-text'
import { MailState } from '../mail/MailState'
import { TemporaryPassword } from './TemporaryPassword'
import { useHelpdeskAction } from './use-helpdesk-action'
import { isVerificationRefusal } from './verification-refusal'

interface ResolveStepProps {
  person: PersonMatch
  verification: Verification
  ticketRef: string
  onDone(action: HelpdeskAction, at: string): void
  onPersonChanged(patch: Partial<PersonMatch>): void
  /** The server no longer accepts the verification: back to step 3. */
  onVerificationLost(): void
  resetLinkRef: Ref<HTMLButtonElement>
}

type OutcomeKey = 'resetLinkSent' | 'resetLinkBlocked' | 'usernameSent' | 'usernameBlocked' | 'unlocked' | 'disabled2fa'

/** The ticket field's value in the confirmation dialogs, so that the agent does not type it twice. */
type DialogValues = { ticketRef?: string }

/**
 * Step 4: the actions a verified caller may get. The reset link is the default and needs one click
 * (the verification was the safety check); a temporary password and disabling 2FA go through a
 * confirmation. Every call carries the ticket and the verification, so the audit records both.
 */
export function ResolveStep({ person, verification, ticketRef, onDone, onPersonChanged, onVerificationLost, resetLinkRef }: ResolveStepProps) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const { run, perform, running, error } = useHelpdeskAction(person.id, onDone)
  const [dialog, setDialog] = useState<'tempPassword' | 'disable2fa' | null>(null)
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null)
  // The key and values, not the sentence: it follows a language switch.
  const [outcome, setOutcome] = useState<{ key: OutcomeKey; email?: string; sentTo?: string; mailId?: string } | null>(null)
  const verificationId = verification.verificationId
  const audit: AuditContext = { ...(ticketRef.trim() ? { ticketRef: ticketRef.trim() } : {}), verificationId }
  const withVerification = (dialogAudit: AuditContext): AuditContext => ({ ...dialogAudit, verificationId })
  const strong = verification.strength === 'strong'
  const disable2faWhy = !person.twoFactor ? t('helpdesk.resolve.disable2faOff') : strong ? null : t('helpdesk.resolve.disable2faNeedsCode')

  const sendResetLink = async () => {
    const result = await run('resetLink', () => desk.security.sendResetLink({ id: person.id, audit }))
    if (result) setOutcome(result.mailStatus === 'blocked' ? { key: 'resetLinkBlocked', email: person.maskedEmail ?? '' } : { key: 'resetLinkSent', email: person.maskedEmail ?? '', mailId: result.mailId })
  }
  const remindUsername = async () => {
    const result = await run('remindUsername', () => desk.helpdesk.remindUsername({ id: person.id, audit }))
    if (result) setOutcome(result.mailStatus === 'blocked' ? { key: 'usernameBlocked', sentTo: result.sentTo } : { key: 'usernameSent', sentTo: result.sentTo, mailId: result.mailId })
  }
  const unlock = async () => {
    const result = await run('unlock', () => desk.security.unlock({ id: person.id, audit }))
    if (result) {
      onPersonChanged({ locked: result.locked, lockedUntil: result.lockedUntil })
      setOutcome({ key: 'unlocked' })
    }
  }

  const target = { id: person.id, name: person.name, login: person.login }
  const explainRefusal = (failure: unknown) => (isVerificationRefusal(failure) ? t('helpdesk.resolve.verificationLost') : null)
  return (
    <div className="helpdesk-resolve" data-testid="resolve-step" data-running={running ?? ''}>
      <Space wrap>
        <Button ref={resetLinkRef} type="primary" icon={<MailOutlined />} loading={running === 'resetLink'} disabled={person.maskedEmail === null} onClick={() => void sendResetLink()} data-testid="helpdesk-reset-link">
          {t('helpdesk.resolve.sendResetLink')}
        </Button>
        <Button icon={<KeyOutlined />} onClick={() => setDialog('tempPassword')} data-testid="helpdesk-temp-password">
          {t('helpdesk.resolve.tempPassword')}
        </Button>
        <Button icon={<UserOutlined />} loading={running === 'remindUsername'} disabled={person.maskedEmail === null} onClick={() => void remindUsername()} data-testid="helpdesk-remind-username">
          {t('helpdesk.resolve.remindUsername')}
        </Button>
        {person.locked ? (
          <Button icon={<UnlockOutlined />} loading={running === 'unlock'} onClick={() => void unlock()} data-testid="helpdesk-unlock">
            {t('helpdesk.resolve.unlock')}
          </Button>
        ) : null}
        <Button danger icon={<SafetyOutlined />} disabled={disable2faWhy !== null} onClick={() => setDialog('disable2fa')} data-testid="helpdesk-disable-2fa" aria-describedby={disable2faWhy ? 'helpdesk-disable-2fa-why' : undefined}>
          {t('helpdesk.resolve.disable2fa')}
        </Button>
      </Space>
      {disable2faWhy ? (
        <Typography.Paragraph type="secondary" id="helpdesk-disable-2fa-why" data-testid="disable-2fa-why" className="helpdesk-hint">
          {disable2faWhy}
        </Typography.Paragraph>
      ) : null}
      {person.maskedEmail === null ? <Typography.Paragraph type="warning">{t('helpdesk.resolve.noEmail')}</Typography.Paragraph> : null}
      {outcome ? <Alert type="success" showIcon role="status" data-testid="resolve-outcome" title={t(`helpdesk.resolve.${outcome.key}`, { email: outcome.email ?? '', sentTo: outcome.sentTo ?? '' })} description={outcome.mailId ? <MailState mailId={outcome.mailId} /> : undefined} style={{ marginTop: 8 }} /> : null}
      {error && isVerificationRefusal(error.error) ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="verification-lost"
          title={t('helpdesk.resolve.verificationLost')}
          action={
            <Button size="small" onClick={onVerificationLost} data-testid="verify-again">
              {t('helpdesk.resolve.verifyAgain')}
            </Button>
          }
        />
      ) : error ? (
        <ErrorAlert error={error.error} testId="resolve-error" />
      ) : null}
      {temporaryPassword ? <TemporaryPassword password={temporaryPassword} /> : null}

      <ActionDialog<DialogValues>
        open={dialog === 'tempPassword'}
        title={t('helpdesk.resolve.tempPasswordTitle')}
        target={target}
        consequence={t('helpdesk.resolve.tempPasswordConsequence')}
        confirmLabel={t('helpdesk.resolve.tempPasswordConfirm')}
        initialValues={{ ticketRef }}
        testId="helpdesk-temp-password-dialog"
        explainError={explainRefusal}
        onClose={() => setDialog(null)}
        onConfirm={async (_values, dialogAudit) => {
          const password = suggestPassword()
          await perform('tempPassword', () => desk.security.setPassword({ id: person.id, audit: withVerification(dialogAudit), password, mustChange: true, notify: true }))
          setTemporaryPassword(password)
          setOutcome(null)
        }}
      />
      <ActionDialog<DialogValues>
        open={dialog === 'disable2fa'}
        title={t('helpdesk.resolve.disable2faTitle')}
        target={target}
        danger
        consequence={t('helpdesk.resolve.disable2faConsequence')}
        confirmLabel={t('helpdesk.resolve.disable2faConfirm')}
        initialValues={{ ticketRef }}
        testId="helpdesk-disable-2fa-dialog"
        explainError={explainRefusal}
        onClose={() => setDialog(null)}
        onConfirm={async (_values, dialogAudit) => {
          await perform('disable2fa', () => desk.security.disable2fa({ id: person.id, audit: withVerification(dialogAudit) }))
          onPersonChanged({ twoFactor: false })
          setOutcome({ key: 'disabled2fa' })
        }}
      />
    </div>
  )
}
