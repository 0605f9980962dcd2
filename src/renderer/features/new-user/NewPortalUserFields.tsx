import { Form, Input, Radio, Select, Typography } from 'antd'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { userLimits } from '../../../shared/users'
import { NewPasswordField } from '../../components/password/NewPasswordField'
import { useWebsites } from '../companies/company-queries'
import { CompanyPicker } from './CompanyPicker'
import { PortalUserNameFields } from './PortalUserNameFields'
import { usePortalUserRules } from './portal-user-rules'
import { websiteChoice } from './website-choice'

export type CredentialsChoice = 'password' | 'invite'

/** The form of the grid's "New portal user" dialog, named as the API names the fields. */
export interface NewPortalUserValues {
  firstName: string
  lastName: string
  login: string
  companyId: number
  websiteId: number
  email?: string
  credentials: CredentialsChoice
  password?: string
}

/**
 * Keeps the website consistent with the company: the company's only website is chosen for the
 * operator, and a website of another company is dropped when the company changes.
 */
function useWebsiteFollowsCompany(companyId: number | undefined) {
  const form = Form.useFormInstance<NewPortalUserValues>()
  const websites = useWebsites()
  const choice = useMemo(() => websiteChoice(websites.data?.items ?? [], companyId), [websites.data, companyId])
  useEffect(() => {
    if (companyId === undefined || !websites.data) return
    const current = form.getFieldValue('websiteId') as number | undefined
    if (choice.preselected !== undefined && current !== choice.preselected) form.setFieldValue('websiteId', choice.preselected)
    else if (current !== undefined && !choice.websites.some((website) => website.id === current)) form.setFieldValue('websiteId', undefined)
  }, [choice, companyId, form, websites.data])
  return { websites, choice }
}

/** Company, website, email and the password-or-invitation choice, below the name fields. */
export function NewPortalUserFields({ credentials, onCredentialsChange }: { credentials: CredentialsChoice; onCredentialsChange: (choice: CredentialsChoice) => void }) {
  const { t } = useTranslation()
  const rules = usePortalUserRules()
  const form = Form.useFormInstance<NewPortalUserValues>()
  const companyId = Form.useWatch('companyId', form)
  const [login, firstName, lastName, email] = [Form.useWatch('login', form), Form.useWatch('firstName', form), Form.useWatch('lastName', form), Form.useWatch('email', form)]
  const { websites, choice } = useWebsiteFollowsCompany(companyId)
  const inviting = credentials === 'invite'

  return (
    <>
      <PortalUserNameFields labels={{ firstName: t('newUser.fields.firstName'), lastName: t('newUser.fields.lastName'), login: t('newUser.fields.login') }} />
      <Form.Item name="companyId" label={t('newUser.fields.company')} rules={rules.companyId}>
        <CompanyPicker />
      </Form.Item>
      <Form.Item
        name="websiteId"
        label={t('newUser.fields.website')}
        rules={rules.websiteId}
        extra={companyId === undefined ? t('newUser.hints.chooseCompanyFirst') : choice.ofCompany ? t('newUser.hints.websitesOfCompany') : t('newUser.hints.allWebsites')}
      >
        <Select<number>
          options={choice.websites.map((website) => ({ value: website.id, label: website.name }))}
          disabled={companyId === undefined}
          loading={websites.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('newUser.placeholders.website')}
          notFoundContent={websites.isError ? t('newUser.options.failed') : websites.isFetching ? t('newUser.options.loading') : t('newUser.options.noMatch')}
          data-testid="new-user-website"
        />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('newUser.fields.email')}
        rules={rules.email(inviting)}
        extra={inviting ? undefined : t('newUser.hints.email')}
        validateFirst
      >
        <Input type="email" autoComplete="off" maxLength={userLimits.email} placeholder={t('newUser.placeholders.email')} data-testid="new-user-email" />
      </Form.Item>
      <Form.Item name="credentials" label={t('newUser.credentials.label')}>
        <Radio.Group
          optionType="button"
          onChange={(event) => onCredentialsChange(event.target.value as CredentialsChoice)}
          options={[
            { value: 'password', label: t('newUser.credentials.typed') },
            { value: 'invite', label: <span data-testid="new-user-invite">{t('newUser.credentials.invite')}</span> }
          ]}
        />
      </Form.Item>
      {inviting ? (
        <Typography.Paragraph type="secondary" data-testid="new-user-invite-hint">
          {t('newUser.credentials.inviteHint')}
        </Typography.Paragraph>
      ) : (
        <NewPasswordField label={t('newUser.fields.password')} userInputs={[login, firstName, lastName, email]} testId="new-user-password" />
      )}
    </>
  )
}
