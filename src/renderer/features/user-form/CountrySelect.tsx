import { Select } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { usePreferences } from '../../stores/app-stores'
import { countryMatches, countryOptions, type CountryOption } from './country-options'

interface CountrySelectProps {
  value?: string | null
  onChange?: (value: string | null) => void
  disabled?: boolean
}

/** Every country the server accepts, named in the UI language; type a name or a code to find one. */
export function CountrySelect({ value, onChange, disabled }: CountrySelectProps) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const options = useMemo(() => countryOptions(language), [language])
  return (
    <Select<string | null, CountryOption>
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      showSearch={{ filterOption: (search, option) => (option ? countryMatches(search, option) : false) }}
      allowClear
      disabled={disabled}
      placeholder={t('userForm.placeholders.country')}
      notFoundContent={t('userForm.hints.noMatch')}
      data-testid="user-form-country"
    />
  )
}
