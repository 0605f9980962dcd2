import { Alert, Table, Tag, type TableColumnsType } from 'antd'
import { useCallback, useRef, type HTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaymentMethodSummary } from '../../../shared/security'
import type { UserDetail } from '../../../shared/users'
import { useDeskClient } from '../../app/desk-client'
import { ActionButton } from '../security/ActionButton'
import { FocusFallbackContext, restoreFocusWhenLost } from '../security/focus-fallback'
import { SecurityDialog } from '../security/SecurityDialog'
import { useSecurityAction } from '../security/use-security-action'
import '../security/security.css'
import { usePreferences } from '../../stores/app-stores'
import { Instant } from './Instant'
import { ListFailure } from './ListFailure'
import { usePaymentMethods } from './user-activity-queries'

const knownBrands = ['visa', 'mastercard', 'amex', 'unionpay', 'discover', 'jcb', 'unknown'] as const
type KnownBrand = (typeof knownBrands)[number]
const isKnownBrand = (brand: string): brand is KnownBrand => (knownBrands as readonly string[]).includes(brand)

/** Odoo's "Delete payment method" with "Confirm Deletion": the card is removed, never edited. */
function DeletePaymentMethod({ user, method, brand }: { user: UserDetail; method: PaymentMethodSummary; brand: string }) {
  const { t } = useTranslation()
  const desk = useDeskClient()
  const perform = useSecurityAction(user.id)
  return (
    <ActionButton label={t('security.paymentMethods.delete')} ariaLabel={t('security.paymentMethods.deleteLabel', { number: method.masked })} testId="delete-payment-method" permission={{ action: 'paymentMethods.delete', target: user.kind }} size="small" danger>
      {({ open, close }) => (
        <SecurityDialog
          user={user}
          open={open}
          onClose={close}
          testId="delete-payment-method-dialog"
          title={t('security.paymentMethods.deleteTitle')}
          confirmLabel={t('security.paymentMethods.delete')}
          danger
          consequence={t('security.paymentMethods.deleteConsequence', { brand, number: method.masked, expiry: method.expiry })}
          onConfirm={async (_values, audit) => {
            await perform(() => desk.users.deletePaymentMethod({ id: user.id, paymentMethodId: method.id, audit }), {
              changes: ['paymentMethods'],
              auditAction: 'paymentMethod.delete',
              notice: () => t('security.paymentMethods.deleted', { number: method.masked })
            })
          }}
        />
      )}
    </ActionButton>
  )
}

/**
 * The Payment methods tab: what the user saved, each with Delete. There is no edit: payment details
 * are deleted and entered again (the line above the table says so).
 */
export function PaymentMethodsTab({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const methods = usePaymentMethods(user.id)
  // A deleted card takes its Delete button with it: focus then goes to the tab, not the page top.
  const panel = useRef<HTMLDivElement>(null)
  const focusFallback = useCallback((trigger: HTMLElement | null) => restoreFocusWhenLost(trigger, panel.current), [])
  // The server stores a brand code; a provider's brand we do not know yet is shown as it came.
  const brandText = (method: PaymentMethodSummary) => (isKnownBrand(method.brand) ? t(`userPage.payments.brands.${method.brand}`) : method.brand)

  const columns: TableColumnsType<PaymentMethodSummary> = [
    {
      key: 'brand',
      title: t('userPage.payments.brand'),
      render: (_, method) => brandText(method)
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
    { key: 'added', title: t('userPage.payments.added'), render: (_, method) => <Instant iso={method.addedAt} language={language} exactOnly /> },
    { key: 'actions', title: t('security.actions'), width: 110, render: (_, method) => <DeletePaymentMethod user={user} method={method} brand={brandText(method)} /> }
  ]

  return (
    <FocusFallbackContext.Provider value={focusFallback}>
      <div ref={panel} tabIndex={-1} className="payment-methods-panel" data-testid="payment-methods" data-state={methods.isPending ? 'loading' : methods.isError ? 'error' : 'ready'}>
        <Alert type="info" showIcon title={t('userPage.payments.hint')} style={{ marginBottom: 16 }} data-testid="payment-methods-hint" />
        {methods.isError ? (
          <ListFailure error={methods.error} title={t('userPage.payments.loadFailed')} onRetry={() => void methods.refetch()} testId="payment-methods-error" />
        ) : (
          <Table<PaymentMethodSummary>
            rowKey="id"
            size="middle"
            onRow={(method) => ({ 'data-testid': 'payment-method-row', 'data-payment-method-id': method.id }) as HTMLAttributes<HTMLElement>}
            pagination={false}
            columns={columns}
            dataSource={methods.data?.items ?? []}
            loading={methods.isPending ? { tip: t('userPage.payments.loading') } : false}
            locale={{ emptyText: methods.isPending ? t('userPage.payments.loading') : t('userPage.payments.empty') }}
          />
        )}
      </div>
    </FocusFallbackContext.Provider>
  )
}
