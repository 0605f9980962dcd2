import { Button, Col, Empty, Row, Select, Space, Table, Tag, Timeline, Typography, type TableColumnsType, type TimelineProps } from 'antd'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { AuditEntry } from '../../../shared/audit'
import type { Locale } from '../../../shared/errors'
import type { SignInAttempt } from '../../../shared/security'
import { usePreferences } from '../../stores/app-stores'
import { userAuditActions } from './audit-actions'
import { auditActionText, changeLines } from './audit-text'
import { AuditIntegrityBanner } from './AuditIntegrityBanner'
import { Instant } from './Instant'
import { ListFailure } from './ListFailure'
import { useSignIns, useUserAudit } from './user-activity-queries'

function actorText(entry: AuditEntry, t: TFunction): string {
  const role = t(`userPage.activity.actorRoles.${entry.actor.role}`)
  if (!entry.actor.login) return entry.actor.role === 'system' ? role : t('userPage.activity.unknownActor')
  return t('userPage.activity.actorWithRole', { login: entry.actor.login, role })
}

function AuditItem({ entry, language }: { entry: AuditEntry; language: Locale }) {
  const { t } = useTranslation()
  const changes = Object.entries(entry.changes).flatMap(([field, change]) => changeLines(field, change.from, change.to, t, language))
  return (
    <div className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
      <Space wrap size={[8, 0]}>
        <Tag>{auditActionText(entry.action, t)}</Tag>
        <Typography.Text>{t('userPage.activity.by', { who: actorText(entry, t) })}</Typography.Text>
        <Typography.Text type="secondary">
          <Instant iso={entry.at} language={language} />
        </Typography.Text>
      </Space>
      {entry.ticketRef ? (
        <div>{t('userPage.activity.ticketLine', { ticket: entry.ticketRef })}</div>
      ) : null}
      {entry.reason ? (
        <div>{t('userPage.activity.reasonLine', { reason: entry.reason })}</div>
      ) : null}
      {changes.length > 0 ? (
        <ul className="audit-changes" aria-label={t('userPage.activity.changes')}>
          {changes.map((line) => (
            <li key={line.path} data-field={line.path}>
              <Typography.Text strong>{line.label}</Typography.Text>
              {t('userPage.activity.changeSeparator')}
              <Typography.Text delete>{line.from}</Typography.Text> → <Typography.Text>{line.to}</Typography.Text>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function initialAction(requested: string | null): string {
  return requested !== null && (userAuditActions as readonly string[]).includes(requested) ? requested : ''
}

function AuditTimeline({ userId, language }: { userId: number; language: Locale }) {
  const { t } = useTranslation()
  // A success notice links here with `?action=…`: the trail opens filtered to that action.
  const [searchParams] = useSearchParams()
  const [action, setAction] = useState(() => initialAction(searchParams.get('action')))
  const audit = useUserAudit(userId, action)
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? []
  const items: TimelineProps['items'] = entries.map((entry) => ({ key: entry.id, content: <AuditItem entry={entry} language={language} /> }))

  return (
    <section data-testid="audit-timeline" data-state={audit.isPending ? 'loading' : audit.isError ? 'error' : 'ready'} data-count={entries.length}>
      <Typography.Title level={2} className="section-title">
        {t('userPage.activity.auditTitle')}
      </Typography.Title>
      <AuditIntegrityBanner language={language} />
      <Select
        aria-label={t('userPage.activity.filterLabel')}
        data-testid="audit-action-filter"
        style={{ width: 280, marginBottom: 16 }}
        showSearch
        optionFilterProp="label"
        value={action}
        onChange={setAction}
        options={[{ value: '', label: t('userPage.activity.allActions') }, ...userAuditActions.map((name) => ({ value: name, label: auditActionText(name, t) }))]}
      />
      {audit.isPending ? (
        <Typography.Paragraph type="secondary" aria-busy>
          {t('userPage.activity.loadingAudit')}
        </Typography.Paragraph>
      ) : audit.isError ? (
        <ListFailure error={audit.error} title={t('userPage.activity.auditFailed')} onRetry={() => void audit.refetch()} testId="audit-error" />
      ) : entries.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={action ? t('userPage.activity.emptyAuditFiltered', { action: auditActionText(action, t) }) : t('userPage.activity.emptyAudit')}
        />
      ) : (
        <>
          <Timeline items={items} />
          {audit.hasNextPage ? (
            <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
              {audit.isFetchingNextPage ? t('userPage.activity.loadingMore') : t('userPage.activity.showMore')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  )
}

function SignInHistory({ userId, language }: { userId: number; language: Locale }) {
  const { t } = useTranslation()
  const signIns = useSignIns(userId)
  const unknown = <Typography.Text type="secondary">{t('userPage.activity.signIns.unknown')}</Typography.Text>
  const columns: TableColumnsType<SignInAttempt> = [
    { key: 'time', title: t('userPage.activity.signIns.time'), render: (_, attempt) => <Instant iso={attempt.at} language={language} exactOnly /> },
    { key: 'ip', title: t('userPage.activity.signIns.ip'), render: (_, attempt) => attempt.ip ?? unknown },
    {
      key: 'userAgent',
      title: t('userPage.activity.signIns.userAgent'),
      ellipsis: true,
      render: (_, attempt) => (attempt.userAgent ? <span title={attempt.userAgent}>{attempt.userAgent}</span> : unknown)
    },
    {
      key: 'result',
      title: t('userPage.activity.signIns.result'),
      render: (_, attempt) =>
        attempt.success ? (
          <Tag color="green">{t('userPage.activity.signIns.success')}</Tag>
        ) : (
          <>
            <Tag color="red">{t('userPage.activity.signIns.failure')}</Tag>
            {attempt.reason ? (
              <Typography.Text type="secondary" className="sign-in-reason" data-reason={attempt.reason}>
                {isKnownReason(attempt.reason) ? t(`userPage.activity.signIns.reasons.${attempt.reason}`) : attempt.reason}
              </Typography.Text>
            ) : null}
          </>
        )
    }
  ]
  return (
    <section data-testid="sign-in-history" data-state={signIns.isPending ? 'loading' : signIns.isError ? 'error' : 'ready'}>
      <Typography.Title level={2} className="section-title">
        {t('userPage.activity.signInsTitle')}
      </Typography.Title>
      {signIns.isError ? (
        <ListFailure error={signIns.error} title={t('userPage.activity.signIns.loadFailed')} onRetry={() => void signIns.refetch()} testId="sign-ins-error" />
      ) : (
        <Table<SignInAttempt>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          pagination={false}
          columns={columns}
          dataSource={signIns.data?.items ?? []}
          loading={signIns.isPending}
          locale={{ emptyText: signIns.isPending ? t('userPage.activity.signIns.loading') : t('userPage.activity.signIns.empty') }}
        />
      )}
    </section>
  )
}

/** The Activity tab: what was done to the user, and the user's sign-in attempts beside it. */
const knownReasons = ['wrong_password', 'locked', 'ip_throttled', 'reset_required', 'archived', 'deleted', 'not_eligible', 'otp_required', 'otp_invalid', 'passkey_invalid', 'reauth_wrong_password'] as const

/** A failure reason the desk can put in words; anything newer from the server is shown as recorded. */
function isKnownReason(reason: string): reason is (typeof knownReasons)[number] {
  return (knownReasons as readonly string[]).includes(reason)
}

export function ActivityTab({ userId }: { userId: number }) {
  const language = usePreferences((state) => state.language)
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={12}>
        <AuditTimeline userId={userId} language={language} />
      </Col>
      <Col xs={24} xl={12}>
        <SignInHistory userId={userId} language={language} />
      </Col>
    </Row>
  )
}
