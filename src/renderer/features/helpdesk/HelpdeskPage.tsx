import { Button, Input, Typography, type InputRef } from 'antd'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { parseDeskPath } from '../../../shared/deep-links'
import type { PersonMatch, Verification } from '../../../shared/helpdesk'
import type { AuditContext } from '../../../shared/ipc/audit-context'
import { useOperator } from '../../app/session'
import { isValidTicketRef } from '../../components/action-dialog/audit-fields'
import { RefusedLink } from '../deep-links/RefusedLink'
import { PersonLine, PersonSearch } from './PersonSearch'
import { ResolveStep } from './ResolveStep'
import { SummaryStep } from './SummaryStep'
import type { DoneAction, HelpdeskAction } from './summary-text'
import { VerifyStep } from './VerifyStep'
import './helpdesk.css'

/**
 * #/helpdesk: a "forgot my password / my username" ticket on one screen, in five steps. "Next ticket"
 * remounts the flow, so nothing of the previous caller (least of all a temporary password) survives.
 * #/helpdesk?ticket=ZD-1234&q=jane%40example.com (a portaldesk:// link from a ticket) starts the flow
 * with the ticket filled in and the search run; a link that does not parse says why and starts empty.
 */
export function HelpdeskPage() {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const [ticketNumber, setTicketNumber] = useState(0)
  const fromLink = parseDeskPath(location.pathname, location.search)
  const start: { ticket?: string; q?: string } = fromLink.ok && fromLink.value.place === 'helpdesk' ? fromLink.value : {}
  const nextTicket = () => {
    setTicketNumber((n) => n + 1)
    if (location.search) void navigate('/helpdesk', { replace: true })
  }
  return (
    <main className="helpdesk-page" data-testid="helpdesk" aria-label={t('helpdesk.title')}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {t('helpdesk.title')}
      </Typography.Title>
      {fromLink.ok ? null : <RefusedLink reason={fromLink.reason} />}
      <HelpdeskFlow
        key={`${ticketNumber}${location.search}`}
        startTicket={start.ticket ?? ''}
        startSearch={start.q ?? ''}
        afterNextTicket={ticketNumber > 0}
        onNextTicket={nextTicket}
      />
    </main>
  )
}

function Step({ title, locked, testId, children }: { title: string; locked?: boolean; testId: string; children: ReactNode }) {
  return (
    <section className="helpdesk-step" data-testid={testId} data-locked={locked ? 'true' : 'false'} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  )
}

interface HelpdeskFlowProps {
  /** From a link: the ticket reference, and the search that is run at once (its single match is picked). */
  startTicket: string
  startSearch: string
  afterNextTicket: boolean
  onNextTicket(): void
}

function HelpdeskFlow({ startTicket, startSearch, afterNextTicket, onNextTicket }: HelpdeskFlowProps) {
  const { t } = useTranslation()
  const operator = useOperator()
  const ticketRequired = operator?.role === 'support'
  const [ticketRef, setTicketRef] = useState(startTicket)
  const [person, setPerson] = useState<PersonMatch | null>(null)
  const [verification, setVerification] = useState<Verification | null>(null)
  const [done, setDone] = useState<DoneAction[]>([])
  const ticketInput = useRef<InputRef>(null)
  const searchInput = useRef<InputRef>(null)
  const sendCodeButton = useRef<HTMLButtonElement>(null)
  const resetLinkButton = useRef<HTMLButtonElement>(null)

  const ticketValid = isValidTicketRef(ticketRef)
  const ticketReady = ticketValid && (!ticketRequired || ticketRef.trim() !== '')
  const searchWaitsForTicket = ticketRequired && !ticketReady
  const audit: AuditContext = ticketRef.trim() ? { ticketRef: ticketRef.trim() } : {}

  // After "Next ticket" the agent starts over from the ticket field.
  useEffect(() => {
    if (afterNextTicket) ticketInput.current?.focus()
  }, [afterNextTicket])

  // Focus once React has committed: the button asked for appears in the render that follows the change.
  const [focusRequest, setFocusRequest] = useState<{ target: 'sendCode' | 'resetLink' } | null>(null)
  useEffect(() => {
    if (focusRequest) (focusRequest.target === 'sendCode' ? sendCodeButton : resetLinkButton).current?.focus()
  }, [focusRequest])

  const pick = (picked: PersonMatch) => {
    setPerson(picked)
    setVerification(null)
    setFocusRequest({ target: 'sendCode' })
  }
  const verified = (result: Verification) => {
    setVerification(result)
    setFocusRequest({ target: 'resetLink' })
  }
  const recordDone = useCallback((action: HelpdeskAction, at: string) => setDone((list) => [...list, { action, at }]), [])
  const patchPerson = useCallback((patch: Partial<PersonMatch>) => setPerson((current) => (current ? { ...current, ...patch } : current)), [])

  return (
    <div className="helpdesk-flow" data-testid="helpdesk-flow" data-verified={verification ? verification.method : ''}>
      <Step title={t('helpdesk.ticket.title')} testId="helpdesk-ticket-step">
        <label className="helpdesk-label">
          {t('helpdesk.ticket.label')}
          <Input
            ref={ticketInput}
            autoFocus={(ticketRequired && startTicket === '') || afterNextTicket}
            value={ticketRef}
            maxLength={64}
            status={ticketValid ? undefined : 'error'}
            placeholder={t('helpdesk.ticket.placeholder')}
            onChange={(event) => setTicketRef(event.target.value)}
            onPressEnter={() => searchInput.current?.focus()}
            data-testid="helpdesk-ticket"
            aria-required={ticketRequired}
            aria-invalid={!ticketValid}
            style={{ maxWidth: 280 }}
          />
        </label>
        <Typography.Text type={ticketValid ? 'secondary' : 'danger'} className="helpdesk-hint" data-testid="helpdesk-ticket-hint">
          {!ticketValid ? t('helpdesk.ticket.invalid') : ticketRequired ? t('helpdesk.ticket.required') : t('helpdesk.ticket.optional')}
        </Typography.Text>
      </Step>

      <Step title={t('helpdesk.find.title')} testId="helpdesk-find-step" locked={!person && searchWaitsForTicket}>
        {person ? (
          <div className="helpdesk-picked" data-testid="picked-person" data-user-id={person.id}>
            <PersonLine person={person} />
            <Button
              onClick={() => {
                setPerson(null)
                setVerification(null)
              }}
              data-testid="change-person"
            >
              {t('helpdesk.find.change')}
            </Button>
          </div>
        ) : (
          <PersonSearch
            inputRef={searchInput}
            autoFocus={(!ticketRequired || startTicket !== '') && !afterNextTicket}
            waitingForTicket={searchWaitsForTicket}
            startText={startSearch}
            onPick={pick}
          />
        )}
      </Step>

      <Step title={t('helpdesk.verify.title')} testId="helpdesk-verify-step" locked={!person || !ticketReady}>
        {person && ticketReady ? (
          <VerifyStep key={person.id} person={person} audit={audit} verification={verification} onVerified={verified} sendCodeRef={sendCodeButton} />
        ) : (
          <Typography.Text type="secondary">{t('helpdesk.verify.locked')}</Typography.Text>
        )}
      </Step>

      <Step title={t('helpdesk.resolve.title')} testId="helpdesk-resolve-step" locked={!verification}>
        {person && verification && ticketReady ? (
          <ResolveStep key={person.id} person={person} verification={verification} ticketRef={ticketRef} onDone={recordDone} onPersonChanged={patchPerson} onVerificationLost={() => setVerification(null)} resetLinkRef={resetLinkButton} />
        ) : (
          <Typography.Text type="secondary">{t('helpdesk.resolve.locked')}</Typography.Text>
        )}
      </Step>

      {person ? (
        <Step title={t('helpdesk.summary.title')} testId="helpdesk-summary-step">
          <SummaryStep summary={{ ticketRef, person, method: verification?.method ?? null, done }} onNextTicket={onNextTicket} />
        </Step>
      ) : null}
    </div>
  )
}
