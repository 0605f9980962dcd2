import { Form, Select, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyDetail } from '../../../shared/companies'
import { DeskError } from '../../../shared/errors'
import { useDeskClient } from '../../app/desk-client'
import { ActionDialog } from '../../components/action-dialog/ActionDialog'
import { NewPasswordField } from '../../components/password/NewPasswordField'
import { createPortalUser, withTranslatedFieldIssues } from '../new-user/create-portal-user'
import { PortalUserNameFields } from '../new-user/PortalUserNameFields'
import { usePortalUserRules } from '../new-user/portal-user-rules'
import { useReportCreated } from '../new-user/use-report-created'
import { websiteChoice } from '../new-user/website-choice'
import { useRefreshAfterUserChange, useWebsites } from './company-queries'

interface AddCompanyUserValues {
  firstName: string
  lastName: string
  login: string
  password: string
  websiteId?: number
}

/** The websites a user of this company may get: its own, else (when it has none) every website. */
function useCompanyWebsites(company: CompanyDetail, open: boolean) {
  const all = useWebsites(open && company.websites.length === 0)
  return useMemo(() => websiteChoice(company.websites.length > 0 ? company.websites : (all.data?.items ?? []), company.id), [company, all.data])
}

function AddCompanyUserFields({ company, open }: { company: CompanyDetail; open: boolean }) {
  const { t } = useTranslation()
  const rules = usePortalUserRules()
  const form = Form.useFormInstance<AddCompanyUserValues>()
  const [login, firstName, lastName] = [Form.useWatch('login', form), Form.useWatch('firstName', form), Form.useWatch('lastName', form)]
  const choice = useCompanyWebsites(company, open)
  return (
    <>
      <PortalUserNameFields labels={{ firstName: t('companies.add.name'), lastName: t('companies.add.surname'), login: t('companies.add.username') }} />
      <NewPasswordField label={t('companies.add.password')} userInputs={[login, firstName, lastName]} testId="new-user-password" />
      {/* The company's only website is the one: Prim.io's four fields stay four. */}
      {choice.preselected === undefined ? (
        <Form.Item name="websiteId" label={t('newUser.fields.website')} rules={rules.websiteId}>
          <Select<number>
            options={choice.websites.map((website) => ({ value: website.id, label: website.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('newUser.placeholders.website')}
            data-testid="new-user-website"
          />
        </Form.Item>
      ) : null}
    </>
  )
}

/**
 * Prim.io's "Add new user": Name, Surname, Username and Password, all required, then Confirm. The
 * user belongs to this company and its website (a choice only when it has several).
 */
export function AddCompanyUserDialog({ company, open, onClose }: { company: CompanyDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const refresh = useRefreshAfterUserChange()
  const report = useReportCreated()
  const choice = useCompanyWebsites(company, open)

  return (
    <ActionDialog<AddCompanyUserValues>
      open={open}
      title={t('companies.add.title')}
      consequence={<Typography.Paragraph>{t('companies.add.consequence', { company: company.name })}</Typography.Paragraph>}
      confirmLabel={t('companies.add.confirm')}
      testId="add-company-user-dialog"
      childTakesFocus
      onConfirm={async (values, audit) => {
        const websiteId = values.websiteId ?? choice.preselected
        // The select is shown (and required) whenever there is no single website to preselect.
        if (websiteId === undefined) throw new DeskError('VALIDATION', undefined, [{ path: 'websiteId', message: t('newUser.required.website') }])
        const created = await createPortalUser(
          desk,
          {
            firstName: values.firstName,
            lastName: values.lastName,
            login: values.login,
            companyId: company.id,
            websiteId,
            credentials: { kind: 'password', password: values.password }
          },
          audit
        ).catch((error: unknown) => {
          throw withTranslatedFieldIssues(error, t)
        })
        await refresh(created.user.id)
        report(created)
      }}
      onClose={onClose}
    >
      <AddCompanyUserFields company={company} open={open} />
    </ActionDialog>
  )
}
