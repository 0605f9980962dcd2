import { Select } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDebouncedValue } from '../../components/use-debounced-value'
import { useCompanyOptions, useWebsites } from '../companies/company-queries'

interface EntitySelectProps {
  value?: number | null
  onChange?: (value: number | null) => void
  /** The name of the user's current company or website, shown before the list is loaded. */
  currentName: string | null
  currentId: number | null
  disabled?: boolean
  allowClear: boolean
  testId: string
  'aria-required'?: boolean
}

function useOptions(items: { id: number; name: string }[] | undefined, currentId: number | null, currentName: string | null) {
  return useMemo(() => {
    const options = (items ?? []).map((item) => ({ value: item.id, label: item.name }))
    if (currentId !== null && currentName && !options.some((option) => option.value === currentId)) options.unshift({ value: currentId, label: currentName })
    return options
  }, [items, currentId, currentName])
}

/**
 * The company, searched on the server (`companies:list`, by name or VAT) as the operator types.
 * Nothing is asked until the list is opened.
 */
export function CompanySelect({ value, onChange, currentName, currentId, disabled, allowClear, testId, ...aria }: EntitySelectProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search.trim(), 250)
  const companies = useCompanyOptions(q, open || q !== '')
  // The chosen company stays named even when a later search no longer lists it.
  const [chosen, setChosen] = useState<{ id: number; name: string } | null>(null)
  const selected = value ?? null
  const known = chosen !== null && chosen.id === selected ? chosen : selected === currentId && currentName ? { id: currentId, name: currentName } : null
  const options = useOptions(companies.data?.items, known?.id ?? null, known?.name ?? null)
  return (
    <Select<number | null, { value: number; label: string }>
      value={selected}
      onChange={(next, option) => {
        if (next !== null && next !== undefined && option && !Array.isArray(option)) setChosen({ id: next, name: option.label })
        onChange?.(next ?? null)
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      allowClear={allowClear}
      disabled={disabled}
      loading={companies.isFetching}
      placeholder={t('userForm.placeholders.company')}
      notFoundContent={companies.isError ? t('userForm.hints.optionsFailed') : companies.isFetching ? t('userForm.hints.loadingOptions') : t('userForm.hints.noMatch')}
      data-testid={testId}
      {...aria}
    />
  )
}

/** The portal website, from `websites:list` (a handful), filtered as the operator types. */
export function WebsiteSelect({ value, onChange, currentName, currentId, disabled, allowClear, testId, ...aria }: EntitySelectProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const websites = useWebsites(open)
  const options = useOptions(websites.data?.items, currentId, currentName)
  return (
    <Select<number | null>
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      onOpenChange={setOpen}
      allowClear={allowClear}
      disabled={disabled}
      loading={websites.isFetching}
      placeholder={t('userForm.placeholders.website')}
      notFoundContent={websites.isError ? t('userForm.hints.optionsFailed') : websites.isFetching ? t('userForm.hints.loadingOptions') : t('userForm.hints.noMatch')}
      data-testid={testId}
      {...aria}
    />
  )
}
