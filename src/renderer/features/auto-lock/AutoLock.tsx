import { LockOutlined } from '@ant-design/icons'
import { Button, Card, Form, Input, Layout, Typography, type InputRef } from 'antd'
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useDeskClient } from '../../app/desk-client'
import { useOperator, useSignOut } from '../../app/session'
import { errorCodeOf } from '../../components/error-text'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useAppStores, usePreferences } from '../../stores/app-stores'
import { createIdleTimer, windowClock, type IdleTimer } from './idle-timer'
import './auto-lock.css'

/**
 * A lock survives a reload of the page (the session lives in main, so a reload would otherwise be a
 * way around it): the flag is kept in sessionStorage until the password is given or the operator signs out.
 */
const lockedFlagKey = 'portaldesk.locked'

function readLockedFlag(): boolean {
  try {
    return window.sessionStorage.getItem(lockedFlagKey) === 'true'
  } catch {
    return false
  }
}

function writeLockedFlag(locked: boolean): void {
  try {
    if (locked) window.sessionStorage.setItem(lockedFlagKey, 'true')
    else window.sessionStorage.removeItem(lockedFlagKey)
  } catch {
    // No sessionStorage (a locked-down profile): the lock then lasts until a reload.
  }
}

/** What counts as the operator being there: any key, pointer or wheel event in the window. */
const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const

/** While locked, the rest of the page can be neither focused nor clicked, nor read by screen readers. */
function makeSiblingsInert(host: HTMLElement): () => void {
  // The attribute rather than the property: same effect, and those made inert by someone else stay so.
  const others = [...document.body.children].filter((element) => element !== host && !element.hasAttribute('inert'))
  for (const element of others) element.setAttribute('inert', '')
  return () => {
    for (const element of others) element.removeAttribute('inert')
  }
}

function LockScreen({ minutes, onUnlocked }: { minutes: number; onUnlocked: () => void }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const operator = useOperator()
  const signOut = useSignOut()
  const { userListView } = useAppStores()
  const [form] = Form.useForm<{ password: string }>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [host] = useState(() => document.createElement('div'))
  const cover = useRef<HTMLDivElement>(null)
  const passwordInput = useRef<InputRef>(null)

  useLayoutEffect(() => {
    // Where the operator was (a half-typed field) gets the focus back after unlocking.
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    document.body.appendChild(host)
    const restoreSiblings = makeSiblingsInert(host)
    // autoFocus would run while the host is still detached: focus the password now that it is in the page.
    passwordInput.current?.focus()
    return () => {
      restoreSiblings()
      host.remove()
      previous?.focus()
    }
  }, [host])
  // Keys must not reach the app's own shortcuts (Ctrl+S saves, Ctrl+K palette...) underneath: typed
  // in the cover they stop there; anywhere else (the page body) they stop before any listener sees them.
  useEffect(() => {
    const element = cover.current
    if (!element) return
    const stopHere = (event: KeyboardEvent) => event.stopPropagation()
    const stopOutside = (event: KeyboardEvent) => {
      if (event.target instanceof Node && element.contains(event.target)) return
      event.stopPropagation()
      event.preventDefault()
    }
    element.addEventListener('keydown', stopHere)
    window.addEventListener('keydown', stopOutside, { capture: true })
    return () => {
      element.removeEventListener('keydown', stopHere)
      window.removeEventListener('keydown', stopOutside, { capture: true })
    }
  }, [])

  // After a refusal the field is enabled again, emptied: the operator types the password again right away.
  useEffect(() => {
    if (error !== null) passwordInput.current?.focus()
  }, [error])

  const unlock = async ({ password }: { password: string }) => {
    setBusy(true)
    setError(null)
    try {
      await desk.auth.reauth({ password })
    } catch (failure) {
      setError(failure)
      setBusy(false)
      form.setFieldValue('password', '')
      return
    }
    onUnlocked()
  }

  const login = operator?.login ?? ''
  const wrong = error !== null && errorCodeOf(error) === 'INVALID_CREDENTIALS'
  return createPortal(
    // antd's Layout and Card carry the theme's CSS variables, also in this portal outside the app's root.
    <Layout ref={cover} className="auto-lock" role="dialog" aria-modal="true" aria-labelledby="auto-lock-title" data-testid="auto-lock" data-state={busy ? 'checking' : error ? 'refused' : 'locked'}>
      <Card className="auto-lock__panel">
        <LockOutlined className="auto-lock__icon" aria-hidden />
        <Typography.Title level={2} id="auto-lock-title" className="auto-lock__title">
          {t('roles.autoLock.lockedTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('roles.autoLock.lockedText', { minutes: Math.max(1, Math.round(minutes)), login })}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => void unlock(values)} requiredMark={false}>
          {/* The browser may offer the saved password for this login. */}
          <input type="text" name="username" autoComplete="username" value={login} readOnly hidden />
          <Form.Item name="password" label={t('roles.autoLock.password')} rules={[{ required: true, message: t('roles.autoLock.passwordRequired') }]}>
            <Input.Password ref={passwordInput} autoComplete="current-password" disabled={busy} data-testid="auto-lock-password" />
          </Form.Item>
          {error === null ? null : wrong ? (
            <Typography.Paragraph type="danger" role="alert" data-testid="auto-lock-error" data-error-code="INVALID_CREDENTIALS">
              {t('roles.autoLock.wrongPassword')}
            </Typography.Paragraph>
          ) : (
            <div className="auto-lock__error" data-testid="auto-lock-error" data-error-code={errorCodeOf(error)}>
              <ErrorAlert error={error} title={t('roles.autoLock.lockedTitle')} />
            </div>
          )}
          <div className="auto-lock__actions">
            <Button type="primary" htmlType="submit" loading={busy} data-testid="auto-lock-unlock">
              {t('roles.autoLock.unlock')}
            </Button>
            <Button
              type="link"
              // As the header's Sign out: the next operator starts from the default view.
              onClick={() => signOut.mutate(undefined, { onSuccess: () => userListView.getState().reset() })}
              loading={signOut.isPending}
              data-testid="auto-lock-sign-out"
            >
              {t('roles.autoLock.signOutInstead')}
            </Button>
          </div>
        </Form>
      </Card>
    </Layout>,
    host
  )
}

/**
 * Locks the signed-in desk after the remembered idle time: a cover over the mounted app (never an
 * unmount, so every typed value survives) that asks for the operator's password again, checked with
 * `auth:reauth` (which counts failures like sign-ins). Wraps the signed-in content.
 */
export function AutoLock({ children }: { children: ReactNode }) {
  const minutes = usePreferences((state) => state.autoLockMinutes)
  const [locked, setLocked] = useState(readLockedFlag)
  const timer = useRef<IdleTimer | null>(null)
  const lockedRef = useRef(false)
  useEffect(() => {
    lockedRef.current = locked
    writeLockedFlag(locked)
  }, [locked])
  // Signing out (or the session ending) unmounts the desk: the next sign-in starts unlocked.
  useEffect(() => () => writeLockedFlag(false), [])

  useEffect(() => {
    const idle = createIdleTimer({ limitMs: 0, clock: windowClock, onIdle: () => setLocked(true) })
    timer.current = idle
    // Activity under the cover (typing the password) does not count: it must not start a new countdown.
    const onActivity = () => {
      if (!lockedRef.current) idle.activity()
    }
    for (const type of activityEvents) window.addEventListener(type, onActivity, { capture: true, passive: true })
    return () => {
      idle.stop()
      timer.current = null
      for (const type of activityEvents) window.removeEventListener(type, onActivity, { capture: true })
    }
  }, [])
  useEffect(() => {
    timer.current?.setLimit(Math.round(minutes * 60_000))
  }, [minutes])

  return (
    <>
      {/* The app stays mounted under the cover: nothing typed in an open form is lost. */}
      <div className="auto-lock-content" data-locked={locked ? 'true' : 'false'} data-testid="auto-lock-content">
        {children}
      </div>
      {locked ? (
        <LockScreen
          minutes={minutes}
          onUnlocked={() => {
            lockedRef.current = false
            setLocked(false)
            timer.current?.activity()
          }}
        />
      ) : null}
    </>
  )
}
