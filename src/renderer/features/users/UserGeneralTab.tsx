import { Descriptions, Tag, Typography, type DescriptionsProps } from 'antd'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../../shared/errors'
import type { UserDetail } from '../../../shared/users'
import { describeDay, describeInstant } from '../../i18n/dates'
import { usePreferences } from '../../stores/app-stores'
import { Instant } from './Instant'
import { KindTag } from './user-columns'

function countryName(code: string, language: Locale): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

function addressLines(user: UserDetail, language: Locale): string[] {
  const cityLine = [user.zip, user.city, user.state].filter(Boolean).join(' ')
  return [user.street, user.street2, cityLine, user.country ? countryName(user.country, language) : null].filter(
    (line): line is string => Boolean(line)
  )
}

function detailItems(user: UserDetail, t: TFunction, language: Locale): DescriptionsProps['items'] {
  const none = <Typography.Text type="secondary">{t('userDetail.none')}</Typography.Text>
  const text = (value: string | null | undefined): ReactNode => (value ? value : none)
  const yesNo = (value: boolean | undefined): ReactNode => (value === undefined ? none : value ? t('userPage.yes') : t('userPage.no'))
  const field = (key: string, label: string, children: ReactNode) => ({ key, label, children: <span data-field={key}>{children}</span> })
  const address = addressLines(user, language)
  const lock = user.locked ? (
    <Tag color="red">
      {user.lockedUntil ? t('userPage.lockedUntil', { until: describeInstant(user.lockedUntil, language).exact }) : t('userPage.locked')}
    </Tag>
  ) : user.locked === false ? (
    t('userPage.notLocked')
  ) : (
    none
  )
  return [
    field('name', t('userDetail.fields.name'), user.name),
    field('namePrefix', t('userPage.fields.namePrefix'), text(user.namePrefix)),
    field('firstName', t('userPage.fields.firstName'), text(user.firstName)),
    field('middleName', t('userPage.fields.middleName'), text(user.middleName)),
    field('lastName', t('userPage.fields.lastName'), text(user.lastName)),
    field('nameSuffix', t('userPage.fields.nameSuffix'), text(user.nameSuffix)),
    field('login', t('userDetail.fields.login'), user.login),
    field('email', t('userDetail.fields.email'), text(user.email)),
    field('otherEmails', t('userPage.fields.otherEmails'), user.emails && user.emails.length > 0 ? user.emails.join(', ') : none),
    field('phone', t('userDetail.fields.phone'), text(user.phone)),
    field('birthday', t('userPage.fields.birthday'), user.birthday ? describeDay(user.birthday, language) : none),
    field('company', t('userDetail.fields.company'), text(user.company)),
    field('website', t('userDetail.fields.website'), text(user.website)),
    field(
      'address',
      t('userPage.fields.address'),
      address.length > 0 ? address.map((line) => <div key={line}>{line}</div>) : none
    ),
    field('country', t('userDetail.fields.country'), user.country ? countryName(user.country, language) : none),
    field('invoiceDelivery', t('userPage.fields.invoiceDelivery'), user.invoiceDelivery ? t(`userPage.invoiceDeliveries.${user.invoiceDelivery}`) : none),
    field('language', t('userDetail.fields.language'), t(`languages.${user.language}`)),
    field('kind', t('userDetail.fields.kind'), <KindTag kind={user.kind} t={t} />),
    field('role', t('userDetail.fields.role'), user.role ? t(`userDetail.roles.${user.role}`) : none),
    field('active', t('userDetail.fields.active'), user.active ? t('userDetail.yes') : <Tag>{t('userDetail.no')}</Tag>),
    field('signInLock', t('userPage.fields.signInLock'), lock),
    field(
      'twoFactor',
      t('userPage.fields.twoFactor'),
      user.twoFactor === undefined ? none : user.twoFactor ? <Tag color="green">{t('userPage.twoFactorOn')}</Tag> : t('userPage.twoFactorOff')
    ),
    field('mustChangePassword', t('userPage.fields.mustChangePassword'), yesNo(user.mustChangePassword)),
    field('lastSignIn', t('userDetail.fields.lastSignIn'), user.lastSignInAt ? <Instant iso={user.lastSignInAt} language={language} /> : t('users.never')),
    field('created', t('userDetail.fields.created'), <Instant iso={user.createdAt} language={language} />),
    field('updated', t('userDetail.fields.updated'), <Instant iso={user.updatedAt} language={language} />)
  ]
}

/** The General tab: today's details, read-only (editing arrives with the form). */
export function UserGeneralTab({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  return (
    <>
      <Typography.Paragraph type="secondary">{t('userDetail.readOnlyHint')}</Typography.Paragraph>
      <Descriptions
        bordered
        size="middle"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={detailItems(user, t, language)}
      />
    </>
  )
}
