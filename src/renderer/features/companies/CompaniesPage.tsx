import { LockOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Input, Table, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import type { CompanySummary } from '../../../shared/companies'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useDebouncedValue } from '../../components/use-debounced-value'
import { usePreferences } from '../../stores/app-stores'
import { useCompanyList } from './company-queries'
import { countryName } from './country-name'
import './companies.css'

/** Typing pauses this long before a search goes out. */
const searchDebounceMs = 250

/** `from` is where the company page's Back leads: this list, with its search. */
function useColumns(from: string): TableColumnsType<CompanySummary> {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  return useMemo(
    () => [
      {
        key: 'name',
        title: t('companies.list.columns.name'),
        render: (_: unknown, company) => (
          <Link to={`/companies/${company.id}`} state={{ from }} data-field="name" onClick={(event) => event.stopPropagation()}>
            {company.name}
          </Link>
        )
      },
      { key: 'vat', title: t('companies.list.columns.vat'), render: (_: unknown, company) => <span data-field="vat">{company.vat ?? '—'}</span> },
      {
        key: 'country',
        title: t('companies.list.columns.country'),
        render: (_: unknown, company) => <span data-field="country" data-country={company.country ?? ''}>{countryName(company.country, language) ?? '—'}</span>
      },
      {
        key: 'users',
        title: t('companies.list.columns.users'),
        align: 'end',
        width: 100,
        render: (_: unknown, company) => <span data-field="users" className="companies-number">{company.userCount}</span>
      },
      {
        key: 'documents',
        title: t('companies.list.columns.documents'),
        align: 'center',
        width: 110,
        render: (_: unknown, company) =>
          company.documentLocked ? (
            <Tooltip title={t('companies.list.locked')}>
              <LockOutlined data-field="locked" data-locked="true" role="img" aria-label={t('companies.list.locked')} tabIndex={0} />
            </Tooltip>
          ) : (
            <span data-field="locked" data-locked="false" className="companies-visually-hidden">
              {t('companies.list.notLocked')}
            </span>
          )
      }
    ],
    [t, language, from]
  )
}

/** Companies (Prim.io's contractors): search by name or VAT, keyset pages, one click to a company. */
export function CompaniesPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [searchParams, setSearchParams] = useSearchParams()
  // The search is in the address, so Back from a company returns to the same results.
  const searchText = searchParams.get('q') ?? ''
  const q = useDebouncedValue(searchText.trim(), searchDebounceMs)
  const list = useCompanyList(q)
  const from = searchText ? `/companies?${new URLSearchParams({ q: searchText }).toString()}` : '/companies'
  const columns = useColumns(from)
  const companies = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data])
  const settled = !list.isPending && !list.isPlaceholderData && searchText.trim() === q
  const state = list.isError ? 'error' : settled ? 'ready' : 'loading'
  const setSearch = (text: string) => setSearchParams(text ? { q: text } : {}, { replace: true })

  return (
    <div className="companies-page" data-testid="companies-page">
      <div className="companies-toolbar">
        <Typography.Title level={1} className="page-title">
          {t('companies.list.title')}
        </Typography.Title>
        <Input
          className="companies-search"
          data-testid="company-search"
          aria-label={t('companies.list.searchLabel')}
          placeholder={t('companies.list.searchPlaceholder')}
          value={searchText}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && searchText) {
              event.preventDefault()
              setSearch('')
            }
          }}
          allowClear
          maxLength={200}
          prefix={<SearchOutlined aria-hidden />}
          autoFocus
        />
      </div>
      {list.isError ? <ErrorAlert error={list.error} title={t('companies.list.loadFailed')} onRetry={() => void list.refetch()} testId="companies-error" /> : null}
      <div data-testid="companies-list" data-state={state} data-q={q} data-loaded={companies.length} data-complete={String(!list.hasNextPage)}>
        <Table<CompanySummary>
          rowKey="id"
          size="middle"
          aria-label={t('companies.list.tableLabel')}
          columns={columns}
          dataSource={companies}
          loading={list.isPending || list.isPlaceholderData}
          pagination={false}
          locale={{ emptyText: list.isPending ? t('companies.list.loading') : q ? t('companies.list.empty', { q }) : t('companies.list.emptyNoSearch') }}
          onRow={(company) => ({
            onClick: () => void navigate(`/companies/${company.id}`, { state: { from } }),
            className: 'companies-row',
            ...({ 'data-testid': 'company-row', 'data-company-id': company.id } as Record<string, string | number>)
          })}
        />
        <div className="companies-footer" role="status">
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="companies-load-more">
              {t('companies.list.loadMore')}
            </Button>
          ) : null}
          {settled ? (
            <Typography.Text type="secondary">
              {list.hasNextPage ? t('companies.list.shown', { count: companies.length }) : t('companies.list.allShown', { count: companies.length })}
            </Typography.Text>
          ) : null}
        </div>
      </div>
    </div>
  )
}
