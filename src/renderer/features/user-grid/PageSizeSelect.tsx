import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { pageSizes, type PageSize } from '../../stores/user-grid-settings'

/** Rows per `users:list` request (50, 100 or 200): fewer answer faster, more scroll longer. */
export function PageSizeSelect({ value, onChange }: { value: PageSize; onChange: (pageSize: PageSize) => void }) {
  const { t } = useTranslation()
  return (
    <Select<PageSize>
      aria-label={t('userGrid.pageSize.label')}
      title={t('userGrid.pageSize.label')}
      data-testid="page-size"
      className="page-size-select"
      value={value}
      onChange={onChange}
      popupMatchSelectWidth={false}
      options={pageSizes.map((size) => ({ value: size, label: t('userGrid.pageSize.option', { size }), 'data-value': size }))}
    />
  )
}
