import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { errorCodeOf } from '../../components/error-text'

interface ListFailureProps {
  error: unknown
  /** What failed, in words ("The sign-in history could not be loaded."). */
  title: string
  onRetry: () => void
  testId: string
}

/**
 * A security list that did not load. The server refuses an internal user's lists to support agents:
 * that is the rule working, so it reads as a notice about the role, with no Retry.
 */
export function ListFailure({ error, title, onRetry, testId }: ListFailureProps) {
  const { t } = useTranslation()
  if (errorCodeOf(error) === 'FORBIDDEN') {
    return (
      <Alert
        type="info"
        showIcon
        role="status"
        data-testid={testId}
        data-error-code="FORBIDDEN"
        title={t('userPage.forbiddenTitle')}
        description={t('userPage.forbidden')}
      />
    )
  }
  return <ErrorAlert error={error} title={title} onRetry={onRetry} testId={testId} />
}
