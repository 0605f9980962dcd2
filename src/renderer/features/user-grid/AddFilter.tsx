import { FilterOutlined } from '@ant-design/icons'
import { Alert, Button, Form, Popover, Select } from 'antd'
import { useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { useDebouncedValue } from '../../components/use-debounced-value'
import {
  lockedFilters,
  signInFilters,
  statusFilters,
  twoFactorFilters,
  userFilterKeys,
  type NamedRecord,
  type UserFilterKey,
  type UserGridFilters
} from '../../stores/user-grid-settings'
import { useCompanyOptions, useWebsites } from '../companies/company-queries'
import { choiceText, type ChoiceFilterKey } from './grid-filters'

type Pick = <K extends UserFilterKey>(key: K, value: NonNullable<UserGridFilters[K]>) => void

const choicesOf = { status: statusFilters, twoFactor: twoFactorFilters, locked: lockedFilters, signIn: signInFilters } as const satisfies Record<ChoiceFilterKey, readonly string[]>
type ChoiceKey = ChoiceFilterKey

/** One of the fixed choices (status, 2FA, lock, sign-in). */
function ChoiceSelect({ field, onPick }: { field: ChoiceKey; onPick: Pick }) {
  const { t } = useTranslation()
  return (
    <Select<string>
      autoFocus
      defaultOpen
      data-testid="filter-value"
      aria-label={t('userGrid.filters.value')}
      placeholder={t('userGrid.filters.valuePlaceholder')}
      // data-value: tests pick options by value, in any language.
      options={(choicesOf[field] as readonly string[]).map((value) => ({ value, label: choiceText(field, value as never, t), 'data-value': value }))}
      onChange={(value) => onPick(field, value as never)}
    />
  )
}

/** A company (searched on the server) or a website (searched in the list), by name. */
function RecordSelect({ field, onPick }: { field: 'company' | 'website'; onPick: Pick }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search.trim(), 250)
  const companies = useCompanyOptions(q, field === 'company')
  const websites = useWebsites(field === 'website')
  const query = field === 'company' ? companies : websites
  const needle = search.trim().toLowerCase()
  const options: NamedRecord[] =
    field === 'company'
      ? (companies.data?.items ?? []).map(({ id, name }) => ({ id, name }))
      : (websites.data?.items ?? []).filter((site) => `${site.name} ${site.url}`.toLowerCase().includes(needle)).map(({ id, name }) => ({ id, name }))
  return (
    <>
      <Select<number>
        autoFocus
        defaultOpen
        showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
        data-testid="filter-value"
        aria-label={t(`userGrid.filters.${field}.label`)}
        placeholder={t(field === 'company' ? 'userGrid.filters.companyPlaceholder' : 'userGrid.filters.websitePlaceholder')}
        loading={query.isFetching}
        notFoundContent={query.isPending ? null : t('userGrid.filters.noMatch')}
        options={options.map(({ id, name }) => ({ value: id, label: name, 'data-value': id }))}
        onChange={(id) => {
          const record = options.find((option) => option.id === id)
          if (record) onPick(field, record)
        }}
      />
      {query.isError ? <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('userGrid.filters.optionsFailed')} data-testid="filter-options-error" /> : null}
    </>
  )
}

/**
 * "Add filter": pick what to filter by, then the value; the chip appears at once. Everything is
 * reachable by keyboard (Tab, arrows, Enter, typing to search) and Esc closes it.
 */
export function AddFilter({ filters, onAdd, buttonRef }: { filters: UserGridFilters; onAdd: Pick; buttonRef: RefObject<HTMLButtonElement | null> }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [field, setField] = useState<UserFilterKey | null>(null)
  const button = buttonRef
  const available = userFilterKeys.filter((key) => filters[key] === undefined)

  const close = () => {
    setOpen(false)
    setField(null)
    button.current?.focus()
  }
  const pick: Pick = (key, value) => {
    onAdd(key, value)
    close()
  }

  const content = (
    <div
      className="add-filter"
      data-testid="add-filter-panel"
      onKeyDown={(event) => {
        // Esc inside an open select closes that select first; only a second Esc closes the panel.
        if (event.key === 'Escape' && !event.defaultPrevented) close()
      }}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('userGrid.filters.field')} htmlFor="add-filter-field">
          <Select<UserFilterKey>
            id="add-filter-field"
            autoFocus
            data-testid="filter-field"
            placeholder={t('userGrid.filters.fieldPlaceholder')}
            value={field}
            onChange={setField}
            options={available.map((key) => ({ value: key, label: t(`userGrid.filters.${key}.label`), 'data-value': key }))}
          />
        </Form.Item>
        {field ? (
          <Form.Item label={t('userGrid.filters.value')} style={{ marginBottom: 0 }}>
            {field === 'company' || field === 'website' ? <RecordSelect key={field} field={field} onPick={pick} /> : <ChoiceSelect key={field} field={field} onPick={pick} />}
          </Form.Item>
        ) : null}
      </Form>
    </div>
  )

  return (
    <Popover
      open={open}
      onOpenChange={(next) => (next ? setOpen(true) : close())}
      trigger="click"
      placement="bottomLeft"
      title={t('userGrid.filters.addTitle')}
      content={content}
      destroyOnHidden
    >
      <Button ref={button} icon={<FilterOutlined />} disabled={available.length === 0} data-testid="add-filter" aria-haspopup="dialog" aria-expanded={open}>
        {t('userGrid.filters.add')}
      </Button>
    </Popover>
  )
}
