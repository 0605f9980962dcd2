import { Alert, Button, Descriptions, Table, Tag, Typography } from 'antd'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import type { MailboxEntry, MailState } from '../../../shared/mail'
import { ErrorAlert } from '../../components/ErrorAlert'
import { RelativeTime } from '../../components/RelativeTime'
import { useMailbox, useMailboxMessage, useMailStatus } from './mail-queries'
import { mailboxRoute } from './mailbox-route'
import './mailbox.css'

const stateColours: Record<MailState, string> = { queued: 'processing', sent: 'success', failed: 'error', blocked: 'warning', off: 'default' }

/** A link of an email: only http(s), so a crafted body cannot run script through the mailbox. */
const linkPattern = /(https?:\/\/[^\s<>"]+)/g

/** The body as the recipient reads it, its links clickable and nothing else interpreted. */
function MailBody({ text }: { text: string }) {
  const parts = text.split(linkPattern)
  return (
    <pre className="mailbox-body" data-testid="mailbox-body">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} target="_blank" rel="noreferrer noopener" data-testid="mailbox-link">
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        )
      )}
    </pre>
  )
}

function StateTag({ state }: { state: MailState }) {
  const { t } = useTranslation()
  return (
    <Tag color={stateColours[state]} data-testid="mailbox-state">
      {t(`mail.mailbox.states.${state}`)}
    </Tag>
  )
}

function MailboxMessageView({ id }: { id: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const message = useMailboxMessage(id)
  return (
    <section data-testid="mailbox-message" aria-label={message.data?.subject ?? id}>
      <Button type="link" style={{ padding: 0 }} onClick={() => void navigate(mailboxRoute)} data-testid="mailbox-back">
        {t('mail.mailbox.back')}
      </Button>
      {message.error ? <ErrorAlert error={message.error} /> : null}
      {message.data ? (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('mail.mailbox.to')}>{message.data.to}</Descriptions.Item>
            <Descriptions.Item label={t('mail.mailbox.subject')}>{message.data.subject}</Descriptions.Item>
            <Descriptions.Item label={t('mail.mailbox.when')}>
              <RelativeTime iso={message.data.createdAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('mail.mailbox.state')}>
              <StateTag state={message.data.state} />
              {message.data.reason ? <Typography.Text type="danger">{message.data.reason}</Typography.Text> : null}
            </Descriptions.Item>
          </Descriptions>
          <MailBody text={message.data.body} />
        </>
      ) : null}
    </section>
  )
}

/**
 * #/mailbox: what the connected portal keeps of its emails when it runs with MAILBOX=local (the
 * desk's embedded portal always does): a first run can follow a reset link or read a code without SMTP.
 */
export function MailboxPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const status = useMailStatus()
  const mailboxOn = status.data?.mailbox === true
  const list = useMailbox(mailboxOn)
  const openId = params.get('id')
  const columns = [
    { title: t('mail.mailbox.to'), dataIndex: 'to', key: 'to' },
    { title: t('mail.mailbox.subject'), dataIndex: 'subject', key: 'subject' },
    { title: t('mail.mailbox.when'), dataIndex: 'createdAt', key: 'when', render: (iso: string) => <RelativeTime iso={iso} /> },
    { title: t('mail.mailbox.state'), dataIndex: 'state', key: 'state', render: (state: MailState) => <StateTag state={state} /> }
  ]
  return (
    <main className="mailbox-page" data-testid="mailbox" aria-label={t('mail.mailbox.title')}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {t('mail.mailbox.title')}
      </Typography.Title>
      {status.error ? <ErrorAlert error={status.error} /> : null}
      {status.data && !mailboxOn ? <Alert type="info" showIcon data-testid="mailbox-off" title={t('mail.mailbox.off')} /> : null}
      {mailboxOn ? (
        <>
          <Typography.Paragraph type="secondary">{status.data?.delivery === 'off' ? t('mail.mailbox.intro') : t('mail.mailbox.introDelivering')}</Typography.Paragraph>
          {openId ? (
            <MailboxMessageView id={openId} />
          ) : (
            <>
              {list.error ? <ErrorAlert error={list.error} /> : null}
              <Table<MailboxEntry>
                size="small"
                rowKey="id"
                loading={list.isPending}
                dataSource={list.data?.items ?? []}
                columns={columns}
                pagination={false}
                locale={{ emptyText: t('mail.mailbox.empty') }}
                onRow={(entry) => ({
                  onClick: () => void navigate(`${mailboxRoute}?id=${encodeURIComponent(entry.id)}`),
                  style: { cursor: 'pointer' },
                  'data-testid': 'mailbox-row'
                })}
              />
            </>
          )}
        </>
      ) : null}
    </main>
  )
}
