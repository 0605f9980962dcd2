import { AppstoreOutlined, ThunderboltOutlined, UserOutlined } from '@ant-design/icons'
import { Input, Modal, Spin, Typography, type InputRef } from 'antd'
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { useMailStatus } from '../mail/mail-queries'
import { paletteCommands, paletteScreens, paletteUserActions, userInView, type PaletteCommand, type PaletteUserAction } from './palette-commands'
import { usePaletteUsers } from './palette-queries'
import { PaletteUserActionDialog } from './PaletteUserAction'
import './command-palette.css'

/** Ctrl+K (Cmd+K on a Mac) while signed in: jump to a user, run an action on the user in view, or go to a screen. */
export function CommandPalette() {
  const [open, setOpen] = useState(false)
  const [pending, setPending] = useState<{ userId: number; action: PaletteUserAction } | null>(null)
  const returnFocus = useRef<HTMLElement | null>(null)
  const anchor = useRef<HTMLSpanElement>(null)

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        // Not while the desk is covered (auto-lock makes the page inert): the palette would open above the lock.
        if (anchor.current?.closest('[inert]')) return
        if (!open) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
        setOpen(true)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [open])

  const restoreFocus = () => setTimeout(() => returnFocus.current?.focus(), 0)
  return (
    <>
      <span ref={anchor} hidden />
      {open ? (
        <PaletteDialog
          onClose={(next) => {
            setOpen(false)
            if (next?.kind === 'action') setPending(next.pending)
            else if (!next) restoreFocus()
          }}
        />
      ) : null}
      {pending ? (
        <PaletteUserActionDialog
          userId={pending.userId}
          action={pending.action}
          onClose={() => {
            setPending(null)
            restoreFocus()
          }}
        />
      ) : null}
    </>
  )
}

type Outcome = { kind: 'navigated' } | { kind: 'action'; pending: { userId: number; action: PaletteUserAction } }

function PaletteDialog({ onClose }: { onClose(outcome?: Outcome): void }) {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const [enterPending, setEnterPending] = useState(false)
  const inputRef = useRef<InputRef>(null)
  const listId = useId()
  const viewedUser = userInView(location.pathname)
  const { users, settled, query } = usePaletteUsers(text, true)
  const mailboxOn = useMailStatus().data?.mailbox === true

  const commands = useMemo(
    () =>
      paletteCommands({
        text,
        actions: viewedUser === null ? [] : paletteUserActions.map((action) => ({ action, label: t(`commandPalette.actions.${action}`) })),
        screens: paletteScreens.filter((screen) => screen.key !== 'mailbox' || mailboxOn).map((screen) => ({ screen, label: t(`commandPalette.screens.${screen.key}`) })),
        users
      }),
    [t, text, users, viewedUser, mailboxOn]
  )
  const searching = text.trim() !== '' && !settled
  useEffect(() => setActive(0), [text])

  const run = (command: PaletteCommand) => {
    if (command.kind === 'action' && viewedUser !== null) {
      onClose({ kind: 'action', pending: { userId: viewedUser, action: command.action } })
      return
    }
    void navigate(command.kind === 'screen' ? command.path : command.kind === 'user' ? `/users/${command.user.id}` : location.pathname)
    onClose({ kind: 'navigated' })
  }

  // Enter typed before the users arrived runs the first match once they do: typing fast never loses the Enter.
  useEffect(() => {
    if (!enterPending || searching) return
    setEnterPending(false)
    const first = commands[0]
    if (first) run(first)
  })

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (commands.length > 0) setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : commands.length - 1)) % commands.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const command = commands[active]
      if (searching && (active === 0 || !command)) setEnterPending(true)
      else if (command) run(command)
    }
  }

  const state = searching ? 'loading' : 'ready'
  return (
    <Modal
      open
      title={t('commandPalette.title')}
      footer={null}
      onCancel={() => onClose()}
      destroyOnHidden
      width={560}
      afterOpenChange={(visible) => (visible ? inputRef.current?.focus() : undefined)}
      className="command-palette"
    >
      <div data-testid="command-palette" data-state={state} data-count={commands.length}>
        <Input
          ref={inputRef}
          autoFocus
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('commandPalette.placeholder')}
          aria-label={t('commandPalette.label')}
          role="combobox"
          aria-expanded={commands.length > 0}
          aria-controls={listId}
          aria-activedescendant={commands[active] ? `${listId}-${commands[active].id}` : undefined}
          aria-autocomplete="list"
          data-testid="command-palette-input"
          suffix={searching ? <Spin size="small" aria-label={t('commandPalette.searching')} /> : <span />}
        />
        <ul className="command-palette__list" role="listbox" id={listId} aria-label={t('commandPalette.results')}>
          {commands.map((command, index) => (
            <li
              key={command.id}
              id={`${listId}-${command.id}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'command-palette__item command-palette__item--active' : 'command-palette__item'}
              data-testid="command-palette-item"
              data-command={command.id}
              onMouseEnter={() => setActive(index)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => run(command)}
            >
              <CommandLine command={command} />
            </li>
          ))}
        </ul>
        {query.isError ? <Typography.Text type="danger">{t('errors.UNREACHABLE')}</Typography.Text> : null}
        {commands.length === 0 && !searching ? <Typography.Paragraph type="secondary">{t('commandPalette.none')}</Typography.Paragraph> : null}
        <Typography.Text type="secondary" className="command-palette__hint">
          {t('commandPalette.hint')}
        </Typography.Text>
      </div>
    </Modal>
  )
}

function CommandLine({ command }: { command: PaletteCommand }) {
  const { t } = useTranslation()
  switch (command.kind) {
    case 'action':
      return (
        <span>
          <ThunderboltOutlined aria-hidden /> {command.label}
        </span>
      )
    case 'screen':
      return (
        <span>
          <AppstoreOutlined aria-hidden /> {t('commandPalette.groups.screens')}: {command.label}
        </span>
      )
    case 'user':
      return (
        <span>
          <UserOutlined aria-hidden /> <strong>{command.user.name}</strong>{' '}
          <Typography.Text type="secondary">
            {[command.user.login, command.user.email, command.user.company].filter(Boolean).join(' · ')}
          </Typography.Text>
        </span>
      )
  }
}
