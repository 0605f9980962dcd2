import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorCodeOf, errorDetailOf } from './error-text'
import { refusalText } from './refusal-text'

interface ErrorAlertProps {
  error: unknown
  /** A heading that says what failed ("The users could not be loaded."); the code's message follows. */
  title?: string
  onRetry?: () => void
  testId?: string
}

/** A failure in words, in the operator's language, with a Retry when one makes sense. */
export function ErrorAlert({ error, title, onRetry, testId = 'error-alert' }: ErrorAlertProps) {
  const { t } = useTranslation()
  const code = errorCodeOf(error)
  const detail = errorDetailOf(error)
  const message = refusalText(error, t) ?? t(`errors.${code}`)
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-error-code={code}
      title={title ?? message}
      description={
        title || detail ? (
          <>
            {title ? <div>{message}</div> : null}
            {detail ? <div>{t('errorDetails', { details: detail })}</div> : null}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
    />
  )
}
