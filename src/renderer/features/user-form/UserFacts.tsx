import { Descriptions, Tag, Typography, type DescriptionsProps } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserDetail } from '../../../shared/users'
import { describeInstant } from '../../i18n/dates'
import { usePreferences } from '../../stores/app-stores'
import { Instant } from '../users/Instant'
import { KindTag } from '../users/user-columns'

/**
 * What the form shows but does not edit: kind, status, an email change the user has not confirmed
 * yet, sign-in protection, 2FA, the password flag and the record's times. Security actions that change them live on the Security tab.
 */
export function UserFacts({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const none = <Typography.Text type="secondary">{t('userDetail.none')}</Typography.Text>
  const field = (key: string, label: string, children: ReactNode) => ({ key, label, children: <span data-field={key}>{children}</span> })
  const status = user.deletedAt ? (
    <Tag color="red">{t('users.archived')}</Tag>
  ) : user.active ? (
    t('userDetail.yes')
  ) : (
    <Tag>{t('userDetail.no')}</Tag>
  )
  const lock =
    user.locked === undefined ? (
      none
    ) : user.locked ? (
      <Tag color="red">{user.lockedUntil ? t('userPage.lockedUntil', { until: describeInstant(user.lockedUntil, language).exact }) : t('userPage.locked')}</Tag>
    ) : (
      t('userPage.notLocked')
    )
  const items: DescriptionsProps['items'] = [
    field('kind', t('userDetail.fields.kind'), <KindTag kind={user.kind} t={t} />),
    field('active', t('userDetail.fields.active'), status),
    ...(user.pendingEmailChange
      ? [
          field(
            'pendingEmail',
            t('userPage.fields.pendingEmail'),
            <Tag color="orange">
              {t('userPage.emailChangePending', { address: user.pendingEmailChange.address, until: describeInstant(user.pendingEmailChange.expiresAt, language).exact })}
            </Tag>
          )
        ]
      : []),
    field('signInLock', t('userPage.fields.signInLock'), lock),
    field(
      'twoFactor',
      t('userPage.fields.twoFactor'),
      user.twoFactor === undefined ? none : user.twoFactor ? <Tag color="green">{t('userPage.twoFactorOn')}</Tag> : t('userPage.twoFactorOff')
    ),
    field('mustChangePassword', t('userPage.fields.mustChangePassword'), user.mustChangePassword === undefined ? none : user.mustChangePassword ? t('userPage.yes') : t('userPage.no')),
    field('lastSignIn', t('userDetail.fields.lastSignIn'), user.lastSignInAt ? <Instant iso={user.lastSignInAt} language={language} /> : t('users.never')),
    field('created', t('userDetail.fields.created'), <Instant iso={user.createdAt} language={language} />),
    field('updated', t('userDetail.fields.updated'), <Instant iso={user.updatedAt} language={language} />)
  ]
  return (
    <Descriptions
      size="small"
      layout="vertical"
      className="user-form__facts"
      data-testid="user-facts"
      column={{ xs: 1, sm: 2, md: 2, lg: 4, xl: 4, xxl: 4 }}
      items={items}
    />
  )
}
