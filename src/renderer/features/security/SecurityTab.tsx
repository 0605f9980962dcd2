import { Alert, Col, Row } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserDetail } from '../../../shared/users'
import { describeInstant } from '../../i18n/dates'
import { usePreferences } from '../../stores/app-stores'
import { AccountSection } from './AccountSection'
import { ApiKeysSection } from './ApiKeysSection'
import { PasskeysSection } from './PasskeysSection'
import { PasswordSection } from './PasswordSection'
import { PortalAccessSection } from './PortalAccessSection'
import { SessionsSection } from './SessionsSection'
import { SignInProtectionSection } from './SignInProtectionSection'
import { TwoFactorSection } from './TwoFactorSection'
import './security.css'

/** A deleted account has no security left to manage: the tab says so, and when. */
function DeletedAccount({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const heading = useRef<HTMLDivElement>(null)
  // Right after Delete account the dialog and its button are gone: focus lands here, not on the page top.
  useEffect(() => heading.current?.focus(), [])
  const when = user.deletedAt ? describeInstant(user.deletedAt, language).exact : t('security.unknown')
  return (
    <div ref={heading} tabIndex={-1} data-testid="security-deleted" className="security-deleted">
      <Alert type="warning" showIcon title={t('security.deletedTitle')} description={t('security.deletedText', { when })} />
    </div>
  )
}

/**
 * The Security tab of the user page: every security action of the portal API on this user, in
 * sections an operator scans top to bottom: password, two-factor, sign-in protection and portal
 * access first (the helpdesk's daily work), then the lists (passkeys, sessions, API keys), and the
 * account's lifecycle last. Internal users have no portal access section.
 */
export function SecurityTab({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  if (user.deletedAt) return <DeletedAccount user={user} />
  const portal = user.kind === 'portal'
  return (
    <section aria-label={t('security.sectionsLabel', { name: user.name })} data-testid="security-tab" data-user-id={user.id} data-active={user.active ? 'true' : 'false'}>
      {user.active ? null : (
        <Alert type="info" showIcon className="security-banner" title={t('security.archivedTitle')} description={t('security.archivedText')} data-testid="security-archived" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <div className="security-column">
            <PasswordSection user={user} />
            {portal ? <PortalAccessSection user={user} /> : null}
          </div>
        </Col>
        <Col xs={24} xl={12}>
          <div className="security-column">
            <TwoFactorSection user={user} />
            <SignInProtectionSection user={user} />
          </div>
        </Col>
        <Col xs={24}>
          <PasskeysSection user={user} />
        </Col>
        <Col xs={24}>
          <SessionsSection user={user} />
        </Col>
        <Col xs={24}>
          <ApiKeysSection user={user} />
        </Col>
        <Col xs={24}>
          <AccountSection user={user} />
        </Col>
      </Row>
    </section>
  )
}
