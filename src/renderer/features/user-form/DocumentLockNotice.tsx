import { LockOutlined, UnlockOutlined } from '@ant-design/icons'
import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { UserFormController } from './use-user-form'

/**
 * The country lock in words: why country, company name and VAT number cannot change (documents
 * were issued; the server's DOCUMENT_LOCKED text) and, for an administrator, the way to unlock them
 * for the next save with a reason.
 */
export function DocumentLockNotice({ controller, canUnlock, onUnlock }: { controller: UserFormController; canUnlock: boolean; onUnlock(): void }) {
  const { t } = useTranslation()
  if (!controller.lockApplies) return null
  if (controller.override) {
    return (
      <Alert
        type="info"
        showIcon
        icon={<UnlockOutlined aria-hidden />}
        className="user-form__lock"
        data-testid="document-lock"
        data-state="unlocked"
        title={t('userForm.lock.unlockedTitle')}
        description={controller.override.reason ? t('userForm.lock.unlockedReason', { reason: controller.override.reason }) : undefined}
        action={
          <Button size="small" onClick={controller.relock} disabled={controller.saving} data-testid="relock-document-lock">
            {t('userForm.lock.lockAgain')}
          </Button>
        }
      />
    )
  }
  return (
    <Alert
      type="warning"
      showIcon
      icon={<LockOutlined aria-hidden />}
      className="user-form__lock"
      data-testid="document-lock"
      data-state="locked"
      title={t('userForm.lock.title')}
      description={
        <>
          <div data-testid="document-lock-reason">{t('errors.DOCUMENT_LOCKED')}</div>
          {canUnlock ? <div>{t('userForm.lock.adminHint')}</div> : null}
        </>
      }
      action={
        canUnlock ? (
          <Button size="small" onClick={onUnlock} disabled={controller.saving} data-testid="unlock-document-lock">
            {t('userForm.lock.unlock')}
          </Button>
        ) : undefined
      }
    />
  )
}

/** A locked field's label: the name and a padlock that says why. */
export function LockedLabel({ text, locked }: { text: string; locked: boolean }) {
  const { t } = useTranslation()
  if (!locked) return <>{text}</>
  return (
    <span className="user-form__locked-label">
      {text} <LockOutlined aria-label={t('userForm.lock.lockedField')} title={t('userForm.lock.lockedField')} />
    </span>
  )
}
