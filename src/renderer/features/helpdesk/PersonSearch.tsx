import { Input, Spin, Tag, Typography, type InputRef } from 'antd'
import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonMatch } from '../../../shared/helpdesk'
import { ErrorAlert } from '../../components/ErrorAlert'
import { describeInstant } from '../../i18n/dates'
import { usePreferences } from '../../stores/app-stores'
import { usePeopleSearch } from './helpdesk-queries'

interface PersonSearchProps {
  inputRef: Ref<InputRef>
  autoFocus: boolean
  /** A support agent searches only for a ticket: the box stays disabled, and says so, until one is entered. */
  waitingForTicket: boolean
  /** A search to run at once (from a link); when it finds exactly one person, that person is picked. */
  startText?: string
  onPick(person: PersonMatch): void
}

/**
 * Step 2: one search box over email, phone, username, name and company, answered as the agent
 * types. The first match is highlighted, so Enter picks it at once; arrow keys move the highlight.
 */
export function PersonSearch({ inputRef, autoFocus, waitingForTicket, startText = '', onPick }: PersonSearchProps) {
  const { t } = useTranslation()
  const [text, setText] = useState(startText)
  const [active, setActive] = useState(0)
  // Clearing the ticket again hides what was found; it comes back with the ticket.
  const { q, people, query, settled } = usePeopleSearch(text, !waitingForTicket)
  const listId = useId()
  const hintId = useId()
  useEffect(() => setActive(0), [q])

  const state = waitingForTicket ? 'waiting' : q === '' ? 'idle' : query.isError ? 'error' : settled && query.isSuccess ? 'ready' : 'loading'

  // The link's search picks its one match by itself, once; typing anything first leaves the choice to the agent.
  const startPending = useRef(startText.trim() !== '')
  useEffect(() => {
    if (!startPending.current || state !== 'ready' || q !== startText.trim()) return
    startPending.current = false
    const [only] = people
    if (only && people.length === 1) onPick(only)
  })

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (people.length === 0) return
      setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : people.length - 1)) % people.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const person = state === 'ready' ? people[active] : undefined
      if (person) onPick(person)
    }
  }

  return (
    <div className="helpdesk-search" data-testid="person-search" data-state={state} data-q={q} data-count={people.length}>
      <Input
        ref={inputRef}
        autoFocus={autoFocus}
        disabled={waitingForTicket}
        allowClear
        value={text}
        onChange={(event) => {
          startPending.current = false
          setText(event.target.value)
        }}
        onKeyDown={onKeyDown}
        placeholder={t('helpdesk.find.placeholder')}
        aria-label={t('helpdesk.find.label')}
        role="combobox"
        aria-expanded={people.length > 0}
        aria-controls={listId}
        aria-activedescendant={people[active] ? `${listId}-${people[active].id}` : undefined}
        aria-autocomplete="list"
        aria-describedby={hintId}
        data-testid="person-search-input"
        suffix={state === 'loading' ? <Spin size="small" aria-label={t('helpdesk.find.searching')} /> : <span />}
      />
      <Typography.Text type="secondary" className="helpdesk-hint" id={hintId} data-testid="person-search-hint">
        {waitingForTicket ? t('helpdesk.find.needTicket') : t('helpdesk.find.hint')}
      </Typography.Text>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {state === 'ready' && people.length === 0 ? (
        <Typography.Paragraph data-testid="person-none">{t('helpdesk.find.none', { q })}</Typography.Paragraph>
      ) : null}
      <ul className="helpdesk-people" role="listbox" id={listId} aria-label={t('helpdesk.find.label')}>
        {people.map((person, index) => (
          <li
            key={person.id}
            id={`${listId}-${person.id}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'helpdesk-person helpdesk-person--active' : 'helpdesk-person'}
            data-testid="person-option"
            data-user-id={person.id}
            onMouseEnter={() => setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(person)}
          >
            <PersonLine person={person} />
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Enough to tell namesakes apart: company, website, masked contacts, last sign-in, state. */
export function PersonLine({ person }: { person: PersonMatch }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  return (
    <div className="helpdesk-person__line">
      <span className="helpdesk-person__name">
        <strong>{person.name}</strong> <Typography.Text type="secondary">{person.login}</Typography.Text>
        {person.kind === 'internal' ? <Tag>{t('helpdesk.find.internal')}</Tag> : null}
        {person.locked ? <Tag color="red">{t('helpdesk.find.locked')}</Tag> : null}
        {person.twoFactor ? <Tag color="blue">{t('helpdesk.find.twoFactor')}</Tag> : null}
        {/* Codes and links still go to the confirmed address; the tag warns the agent of a possible takeover in progress. */}
        {person.maskedPendingEmail ? (
          <Tag color="orange" data-testid="helpdesk-email-change-pending">
            {t('helpdesk.find.emailChangePending', { address: person.maskedPendingEmail })}
          </Tag>
        ) : null}
        {person.active ? null : <Tag>{t('helpdesk.find.inactive')}</Tag>}
      </span>
      <span className="helpdesk-person__facts">
        {[person.company, person.website, person.maskedEmail, person.maskedPhone].filter((value): value is string => Boolean(value)).join(' · ')}
      </span>
      <span className="helpdesk-person__when">
        {person.lastSignInAt ? t('helpdesk.find.lastSignIn', { when: describeInstant(person.lastSignInAt, language).relative }) : t('helpdesk.find.neverSignedIn')}
      </span>
    </div>
  )
}
