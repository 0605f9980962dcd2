import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../../shared/errors'
import { describeInstant } from '../../i18n/dates'
import { useAuditIntegrity } from './user-activity-queries'

/**
 * A warning above the audit trail when the log's hash chain is broken: the entries shown may have
 * been edited or removed by someone with the database owner's rights. Nothing is shown while the
 * chain holds, or when the check itself could not run (the trail below says why it failed).
 */
export function AuditIntegrityBanner({ language }: { language: Locale }) {
  const { t } = useTranslation()
  const integrity = useAuditIntegrity()
  const broken = integrity.data?.brokenAt
  if (!integrity.data || integrity.data.intact || !broken) return null
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="audit-integrity-broken"
      data-row={broken.id}
      style={{ marginBottom: 16 }}
      title={t('auditIntegrity.brokenTitle')}
      description={
        <>
          {t('auditIntegrity.brokenText', { id: broken.id, reason: t(`auditIntegrity.reasons.${broken.reason}`) })}{' '}
          {t('auditIntegrity.checkedAt', { when: describeInstant(integrity.data.checkedAt, language).exact })}
        </>
      }
    />
  )
}
