import { Alert, Table, Tag, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PaymentMethodSummary } from '../../../shared/security'
import { usePreferences } from '../../stores/app-stores'
import { Instant } from './Instant'
import { ListFailure } from './ListFailure'
import { usePaymentMethods } from './user-activity-queries'

const knownBrands = ['visa', 'mastercard', 'amex', 'unionpay', 'discover', 'jcb', 'unknown'] as const
type KnownBrand = (typeof knownBrands)[number]
const isKnownBrand = (brand: string): brand is KnownBrand => (knownBrands as readonly string[]).includes(brand)

/** The Payment methods tab: what the user saved, read-only (a card can only be deleted and re-entered). */
export function PaymentMethodsTab({ userId }: { userId: number }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const methods = usePaymentMethods(userId)

  const columns: TableColumnsType<PaymentMethodSummary> = [
    {
      key: 'brand',
      title: t('userPage.payments.brand'),
      // The server stores a brand code; a provider's brand we do not know yet is shown as it came.
      render: (_, method) => (isKnownBrand(method.brand) ? t(`userPage.payments.brands.${method.brand}`) : method.brand)
    },
    { key: 'number', title: t('userPage.payments.number'), render: (_, method) => <span className="masked-card">{method.masked}</span> },
    {
      key: 'expiry',
      title: t('userPage.payments.expiry'),
      render: (_, method) => (
        <>
          {method.expiry} {method.expired ? <Tag color="red">{t('userPage.payments.expired')}</Tag> : null}
        </>
      )
    },
    { key: 'added', title: t('userPage.payments.added'), render: (_, method) => <Instant iso={method.addedAt} language={language} exactOnly /> }
  ]

  return (
    <div data-testid="payment-methods" data-state={methods.isPending ? 'loading' : methods.isError ? 'error' : 'ready'}>
      <Alert type="info" showIcon title={t('userPage.payments.hint')} style={{ marginBottom: 16 }} data-testid="payment-methods-hint" />
      {methods.isError ? (
        <ListFailure error={methods.error} title={t('userPage.payments.loadFailed')} onRetry={() => void methods.refetch()} testId="payment-methods-error" />
      ) : (
        <Table<PaymentMethodSummary>
          rowKey="id"
          size="middle"
          pagination={false}
          columns={columns}
          dataSource={methods.data?.items ?? []}
          loading={methods.isPending ? { tip: t('userPage.payments.loading') } : false}
          locale={{ emptyText: methods.isPending ? t('userPage.payments.loading') : t('userPage.payments.empty') }}
        />
      )}
    </div>
  )
}
