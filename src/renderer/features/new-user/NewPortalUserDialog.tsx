import { UserAddOutlined } from '@ant-design/icons'
import { Button, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useDeskClient } from '../../app/desk-client'
import { useCapabilities } from '../../app/use-capabilities'
import { ActionDialog } from '../../components/action-dialog/ActionDialog'
import { FreshPerOpening } from '../../components/action-dialog/fresh-per-opening'
import { useRefreshAfterUserChange } from '../companies/company-queries'
import { createPortalUser, withTranslatedFieldIssues, type PortalUserDraft } from './create-portal-user'
import { NewPortalUserFields, type CredentialsChoice, type NewPortalUserValues } from './NewPortalUserFields'
import { useReportCreated } from './use-report-created'

function draftOf(values: NewPortalUserValues): PortalUserDraft {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    login: values.login,
    companyId: values.companyId,
    websiteId: values.websiteId,
    ...(values.email ? { email: values.email } : {}),
    credentials: values.credentials === 'invite' ? { kind: 'invite' } : { kind: 'password', password: values.password ?? '' }
  }
}

/**
 * "New portal user" from the grid: first name, surname, username, company, website, optional email,
 * and a typed password or an emailed invitation. On success the new user's page opens.
 */
export function NewPortalUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <FreshPerOpening open={open} userId={undefined}>
      <NewPortalUserOpening open={open} onClose={onClose} />
    </FreshPerOpening>
  )
}

/** One opening: a typed password is the first choice each time, whatever the last opening chose. */
function NewPortalUserOpening({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const navigate = useNavigate()
  const refresh = useRefreshAfterUserChange()
  const report = useReportCreated()
  const [credentials, setCredentials] = useState<CredentialsChoice>('password')

  return (
    <ActionDialog<NewPortalUserValues>
      open={open}
      title={t('newUser.title')}
      consequence={<Typography.Paragraph>{credentials === 'invite' ? t('newUser.consequenceInvite') : t('newUser.consequencePassword')}</Typography.Paragraph>}
      confirmLabel={t('newUser.confirm')}
      initialValues={{ credentials: 'password' }}
      testId="new-portal-user-dialog"
      childTakesFocus
      onConfirm={async (values, audit) => {
        const created = await createPortalUser(desk, draftOf(values), audit).catch((error: unknown) => {
          throw withTranslatedFieldIssues(error, t)
        })
        await refresh(created.user.id)
        report(created)
        void navigate(`/users/${created.user.id}`)
      }}
      onClose={onClose}
    >
      <NewPortalUserFields credentials={credentials} onCredentialsChange={setCredentials} />
    </ActionDialog>
  )
}

/** The grid toolbar's button; only administrators create users (the server refuses anyone else). */
export function NewPortalUserButton() {
  const { t } = useTranslation()
  const capabilities = useCapabilities()
  const [open, setOpen] = useState(false)
  const allowed = capabilities.can('users.create', 'portal')
  const button = (
    <Button type="primary" icon={<UserAddOutlined />} disabled={!allowed} onClick={() => setOpen(true)} data-testid="new-portal-user">
      {t('newUser.button')}
    </Button>
  )
  return (
    <>
      {allowed ? button : <Tooltip title={capabilities.refusal('users.create', 'portal')}>{button}</Tooltip>}
      <NewPortalUserDialog open={open} onClose={() => setOpen(false)} />
    </>
  )
}
