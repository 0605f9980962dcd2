import { Descriptions, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SignInList } from '../../../shared/security'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { ListFailure } from '../users/ListFailure'
import { useSignIns } from '../users/user-activity-queries'
import { ActionButton } from './ActionButton'
import { SecurityDialog } from './SecurityDialog'
import { SecuritySection } from './SecuritySection'
import { SecurityInstant, SecurityTime } from './SecurityTime'
import { useSecurityAction } from './use-security-action'

/** Shown in the section: enough to see a pattern (one IP, a burst), the rest is on the Activity tab. */
const failuresShown = 5

/** The failed portal and desk sign-ins the server counts as recent: after the last success or unlock (newest first). */
export function recentFailures(list: SignInList): SignInList['items'] {
  const since = list.recentFailures.since === null ? null : Date.parse(list.recentFailures.since)
  return list.items.filter((attempt) => !attempt.success && (since === null || Date.parse(attempt.at) > since))
}

/** Failed attempts and "locked until", with Unlock (the lock, the counter and the backoff are cleared). */
export function SignInProtectionSection({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  const signIns = useSignIns(user.id)
  const failures = signIns.data ? recentFailures(signIns.data) : []
  const locked = user.locked === true
  // The server also clears a counter of recent failures without a lock; the desk unlocks what is locked.
  const unlockBlocker = locked ? null : t('security.signIn.nothingToUnlock')

  return (
    <SecuritySection title={t('security.signIn.title')} testId="security-sign-in" state={signIns.isPending ? 'loading' : signIns.isError ? 'error' : 'ready'}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'status',
            label: t('security.signIn.status'),
            children: (
              <span data-testid="lock-status" data-locked={locked ? 'true' : 'false'}>
                {locked ? <Tag color="red">{t('security.signIn.locked')}</Tag> : <Tag color="green">{t('security.signIn.notLocked')}</Tag>}
              </span>
            )
          },
          ...(locked && user.lockedUntil ? [{ key: 'until', label: t('security.signIn.lockedUntil'), children: <SecurityInstant iso={user.lockedUntil} /> }] : []),
          {
            key: 'failures',
            label: t('security.signIn.failedAttempts'),
            children: <span data-testid="failed-attempts">{signIns.isSuccess ? signIns.data.recentFailures.count : '…'}</span>
          }
        ]}
      />
      {signIns.isError ? (
        <ListFailure error={signIns.error} title={t('security.signIn.loadFailed')} onRetry={() => void signIns.refetch()} testId="sign-in-protection-error" />
      ) : failures.length > 0 ? (
        <div className="security-subsection">
          <Typography.Title level={3} className="security-subsection-title">
            {t('security.signIn.recentFailures')}
          </Typography.Title>
          <ul className="security-failures">
            {failures.slice(0, failuresShown).map((attempt) => (
              <li key={attempt.id}>
                <SecurityTime iso={attempt.at} /> · {attempt.ip ?? t('security.unknown')}
                {attempt.reason ? <Typography.Text type="secondary"> · {attempt.reason}</Typography.Text> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Space wrap align="start" className="security-actions">
        <ActionButton label={t('security.signIn.unlock')} testId="unlock" permission={{ action: 'lock.unlock', target: user.kind }} disabledReason={unlockBlocker} reasonShown="tooltip">
          {({ open, close }) => (
            <SecurityDialog
              user={user}
              open={open}
              onClose={close}
              testId="unlock-dialog"
              title={t('security.signIn.unlockTitle')}
              confirmLabel={t('security.signIn.unlock')}
              consequence={t('security.signIn.unlockConsequence')}
              onConfirm={async (_values, audit) => {
                await perform(() => desk.security.unlock({ id: user.id, audit }), {
                  changes: ['detail', 'lists', 'signIns'],
                  auditAction: 'lock.unlock',
                  notice: () => t('security.signIn.unlocked', { name: user.name })
                })
              }}
            />
          )}
        </ActionButton>
      </Space>
    </SecuritySection>
  )
}
