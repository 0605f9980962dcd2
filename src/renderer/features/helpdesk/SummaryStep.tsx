import { CopyOutlined, RightOutlined } from '@ant-design/icons'
import { Button, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOperator } from '../../app/session'
import { summaryText, type TicketSummary } from './summary-text'

interface SummaryStepProps {
  summary: Omit<TicketSummary, 'operator'>
  onNextTicket(): void
}

/** Step 5: what was done, when, by whom, for which ticket, ready to paste; then the next ticket. */
export function SummaryStep({ summary, onNextTicket }: SummaryStepProps) {
  const { t } = useTranslation()
  const operator = useOperator()
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  const text = summaryText({ ...summary, operator: { name: operator?.name ?? '', login: operator?.login ?? '' } }, t, (iso) => dayjs(iso).format('YYYY-MM-DD HH:mm'))
  return (
    <div className="helpdesk-summary" data-testid="summary-step" data-count={summary.done.length}>
      {summary.done.length === 0 ? <Typography.Paragraph type="secondary">{t('helpdesk.summary.empty')}</Typography.Paragraph> : null}
      <pre className="helpdesk-summary__text" data-testid="helpdesk-summary" aria-label={t('helpdesk.summary.title')}>
        {text}
      </pre>
      <Space>
        <Button
          icon={<CopyOutlined />}
          data-testid="copy-summary"
          onClick={() => navigator.clipboard.writeText(text).then(() => setCopied('copied'), () => setCopied('failed'))}
        >
          {t('helpdesk.summary.copy')}
        </Button>
        <Button type="primary" icon={<RightOutlined />} onClick={onNextTicket} data-testid="next-ticket">
          {t('helpdesk.summary.next')}
        </Button>
        {copied === 'idle' ? null : (
          <Typography.Text role="status" type={copied === 'failed' ? 'danger' : 'secondary'} data-testid="summary-copy-status">
            {copied === 'copied' ? t('helpdesk.summary.copied') : t('helpdesk.resolve.copyFailed')}
          </Typography.Text>
        )}
      </Space>
    </div>
  )
}
