import { SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons'
import { Alert, Button, Checkbox, Input, Space, Typography, type InputRef } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { knowledgeFacts, verificationCodeLength, type CodeSent, type KnowledgeFact, type PersonMatch, type Verification } from '../../../shared/helpdesk'
import type { AuditContext } from '../../../shared/ipc/audit-context'
import { useDeskClient } from '../../app/desk-client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { describeInstant } from '../../i18n/dates'
import { usePreferences } from '../../stores/app-stores'
import { MailState } from '../mail/MailState'
import { codeRefusalOf } from './verification-refusal'

interface VerifyStepProps {
  person: PersonMatch
  audit: AuditContext
  verification: Verification | null
  onVerified(verification: Verification): void
  /** Focus lands here after picking a person, so Enter sends the code at once. */
  sendCodeRef: React.Ref<HTMLButtonElement>
}

type Mode = 'choose' | 'code' | 'knowledge'

/**
 * Step 3: who is calling? A code sent to the user's primary email and read back (strong), or facts
 * of the record the caller confirms (weak, recorded as such). The code is checked as soon as its
 * sixth digit is typed.
 */
export function VerifyStep({ person, audit, verification, onVerified, sendCodeRef }: VerifyStepProps) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const [mode, setMode] = useState<Mode>('choose')
  const [sent, setSent] = useState<CodeSent | null>(null)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [wrongTries, setWrongTries] = useState(0)
  const [failedStep, setFailedStep] = useState<'send' | 'check' | 'facts' | null>(null)
  const [facts, setFacts] = useState<KnowledgeFact[]>([])
  const codeRef = useRef<InputRef>(null)
  // Focus once React has committed: the code field first appears in the render that follows the send.
  const [codeFocusRequests, setCodeFocusRequests] = useState(0)
  useEffect(() => {
    if (codeFocusRequests > 0) codeRef.current?.focus()
  }, [codeFocusRequests])
  const language = usePreferences((state) => state.language)

  const attempt = async <R,>(step: 'send' | 'check' | 'facts', work: () => Promise<R>): Promise<R | null> => {
    setBusy(true)
    setError(null)
    try {
      return await work()
    } catch (failure) {
      setError(failure)
      setFailedStep(step)
      return null
    } finally {
      setBusy(false)
    }
  }

  const sendCode = async () => {
    setMode('code')
    const result = await attempt('send', () => desk.helpdesk.sendCode({ id: person.id, audit }))
    if (result) {
      setSent(result)
      setWrongTries(0)
      setCode('')
      setCodeFocusRequests((requests) => requests + 1)
    }
  }

  const checkCode = async (value: string) => {
    const result = await attempt('check', () => desk.helpdesk.checkCode({ id: person.id, audit, code: value }))
    if (result) onVerified(result)
    else {
      setWrongTries((tries) => tries + 1)
      setCode('')
      setCodeFocusRequests((requests) => requests + 1)
    }
  }

  const confirmFacts = async () => {
    const result = await attempt('facts', () => desk.helpdesk.knowledgeCheck({ id: person.id, audit, facts }))
    if (result) onVerified(result)
  }

  if (verification) {
    return (
      <Alert
        type={verification.strength === 'strong' ? 'success' : 'warning'}
        showIcon
        icon={<SafetyCertificateOutlined />}
        data-testid="verification"
        data-method={verification.method}
        data-strength={verification.strength}
        title={
          <span>
            {t('helpdesk.verify.verified', { method: t(`helpdesk.verify.methods.${verification.method}`), when: describeInstant(verification.verifiedAt, language).exact, until: describeInstant(verification.expiresAt, language).exact })}
          </span>
        }
        description={verification.strength === 'weak' ? t('helpdesk.verify.knowledgeWeaker') : undefined}
      />
    )
  }

  const refusal = error && failedStep === 'check' ? codeRefusalOf(error, wrongTries) : null
  return (
    <div className="helpdesk-verify" data-testid="verify-step" data-mode={mode} data-busy={busy ? 'true' : 'false'}>
      <Space wrap>
        <Button ref={sendCodeRef} type={mode === 'knowledge' ? 'default' : 'primary'} icon={<SendOutlined />} loading={busy && mode === 'code'} onClick={() => void sendCode()} data-testid="send-code">
          {sent ? t('helpdesk.verify.resendCode') : t('helpdesk.verify.sendCode')}
        </Button>
        <Button onClick={() => { setMode('knowledge'); setError(null) }} data-testid="knowledge-check" aria-pressed={mode === 'knowledge'}>
          {t('helpdesk.verify.knowledge')}
        </Button>
      </Space>
      {mode === 'code' && sent ? (
        <div className="helpdesk-code" data-testid="code-sent" data-mail-status={sent.mailStatus}>
          <Typography.Paragraph>
            {sent.mailStatus === 'blocked' ? t('helpdesk.verify.codeBlocked', { sentTo: sent.sentTo }) : t('helpdesk.verify.codeSent', { length: verificationCodeLength, sentTo: sent.sentTo, when: describeInstant(sent.expiresAt, language).relative })}
            {sent.mailStatus === 'blocked' ? null : (
              <>
                <br />
                <MailState key={sent.mailId} mailId={sent.mailId} />
              </>
            )}
          </Typography.Paragraph>
          <label className="helpdesk-label">
            {t('helpdesk.verify.codeLabel')}
            <Input
              ref={codeRef}
              value={code}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={verificationCodeLength + 2}
              disabled={busy}
              style={{ maxWidth: 160, letterSpacing: 4 }}
              data-testid="code-input"
              onChange={(event) => {
                const digits = event.target.value.replace(/\D/g, '').slice(0, verificationCodeLength)
                setCode(digits)
                if (digits.length === verificationCodeLength) void checkCode(digits)
              }}
              onPressEnter={() => (code.length === verificationCodeLength ? void checkCode(code) : setError(null))}
            />
          </label>
        </div>
      ) : null}
      {mode === 'knowledge' ? (
        <div className="helpdesk-knowledge" data-testid="knowledge-facts">
          <Alert type="warning" showIcon title={t('helpdesk.verify.knowledgeWeaker')} />
          <Typography.Paragraph style={{ marginTop: 8 }}>{t('helpdesk.verify.factsIntro')}</Typography.Paragraph>
          <Checkbox.Group value={facts} onChange={(values) => setFacts(values)} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {knowledgeFacts.map((fact) => {
              const value = person.facts[fact]
              return (
                <Checkbox key={fact} value={fact} disabled={value === null} data-testid={`fact-${fact}`}>
                  {t(`helpdesk.verify.facts.${fact}`, { value: value ?? t('helpdesk.verify.factMissing') })}
                </Checkbox>
              )
            })}
          </Checkbox.Group>
          <Button style={{ marginTop: 8 }} type="primary" disabled={facts.length < 2} loading={busy} onClick={() => void confirmFacts()} data-testid="confirm-facts" title={facts.length < 2 ? t('helpdesk.verify.needTwoFacts') : undefined}>
            {t('helpdesk.verify.confirmFacts')}
          </Button>
        </div>
      ) : null}
      {refusal?.kind === 'wrong' ? (
        <Alert type="error" showIcon role="alert" data-testid="code-refused" data-refusal="wrong" title={t('helpdesk.verify.codeWrong', { count: refusal.attemptsLeft })} />
      ) : refusal?.kind === 'spent' ? (
        <Alert type="error" showIcon role="alert" data-testid="code-refused" data-refusal="spent" title={t('helpdesk.verify.codeExpired')} />
      ) : error ? (
        <ErrorAlert error={error} testId="verify-error" />
      ) : null}
    </div>
  )
}
