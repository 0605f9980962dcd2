import { Select } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDebouncedValue } from '../../components/use-debounced-value'
import { useCompanyOptions } from '../companies/company-queries'

interface CompanyPickerProps {
  value?: number
  onChange?: (value: number | undefined) => void
  id?: string
  'aria-required'?: boolean
}

/**
 * The company of a new user: a searchable select over `companies:list` (name or VAT, searched on
 * the server as the operator types). The chosen company stays named when a later search drops it.
 */
export function CompanyPicker({ value, onChange, ...rest }: CompanyPickerProps) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search.trim(), 250)
  const companies = useCompanyOptions(q)
  const [chosen, setChosen] = useState<{ value: number; label: string } | null>(null)
  const options = useMemo(() => {
    const listed = (companies.data?.items ?? []).map((company) => ({ value: company.id, label: company.name }))
    if (chosen && chosen.value === value && !listed.some((option) => option.value === chosen.value)) listed.unshift(chosen)
    return listed
  }, [companies.data, chosen, value])
  return (
    <Select<number, { value: number; label: string }>
      {...rest}
      value={value}
      onChange={(next, option) => {
        if (option && !Array.isArray(option)) setChosen(option)
        onChange?.(next)
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={companies.isFetching}
      placeholder={t('newUser.placeholders.company')}
      notFoundContent={companies.isError ? t('newUser.options.failed') : companies.isFetching ? t('newUser.options.loading') : t('newUser.options.noMatch')}
      data-testid="new-user-company"
    />
  )
}
