import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'

/** A render error inside a screen: say so in words and offer a way back, instead of a blank window. */
export function RouteError() {
  const { t } = useTranslation()
  return (
    <Result
      status="error"
      title={t('errors.INTERNAL')}
      extra={
        <Button type="primary" href="#/users">
          {t('userDetail.back')}
        </Button>
      }
    />
  )
}
