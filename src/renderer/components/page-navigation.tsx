import { ArrowLeftOutlined } from '@ant-design/icons'
import { Button, Result } from 'antd'
import { Link, useNavigate } from 'react-router'

/** The "← Back to …" link at the top of a record's page. */
export function BackLink({ to, label, testId }: { to: string; label: string; testId: string }) {
  return (
    <Link to={to} data-testid={testId}>
      <ArrowLeftOutlined aria-hidden /> {label}
    </Link>
  )
}

/** A record that does not exist (a deleted id, a mistyped deep link): say so and offer the way back. */
export function RecordNotFound({ title, text, backTo, backLabel, testId }: { title: string; text: string; backTo: string; backLabel: string; testId: string }) {
  const navigate = useNavigate()
  return (
    <Result
      status="404"
      data-testid={testId}
      title={title}
      subTitle={text}
      extra={
        <Button type="primary" onClick={() => void navigate(backTo)}>
          {backLabel}
        </Button>
      }
    />
  )
}
