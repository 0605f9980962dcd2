import { LockOutlined, UnlockOutlined } from '@ant-design/icons'
import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CompanyDetail } from '../../../shared/companies'
import { usePreferences } from '../../stores/app-stores'
import { countryName } from './country-name'

/** The company's header facts: VAT, country, documents (and the country lock they cause), websites, users. */
export function CompanyFacts({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  const none = t('companies.page.none')
  return (
    <Descriptions
      className="company-facts"
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      data-testid="company-facts"
      items={[
        { key: 'vat', label: t('companies.page.facts.vat'), children: <span data-field="vat">{company.vat ?? none}</span> },
        {
          key: 'country',
          label: t('companies.page.facts.country'),
          children: <span data-field="country">{countryName(company.country, language) ?? none}</span>
        },
        {
          key: 'users',
          label: t('companies.page.facts.users'),
          children: <span data-field="userCount">{company.userCount}</span>
        },
        {
          key: 'documents',
          label: t('companies.page.facts.documents'),
          span: 'filled',
          children: (
            <div data-field="documents" data-locked={String(company.documentLocked)} data-invoices={company.documents.invoices} data-orders={company.documents.orders}>
              {company.documentLocked ? (
                <>
                  <Typography.Text strong>
                    <LockOutlined aria-hidden /> {t('companies.page.documentsCount', company.documents)}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="company-document-lock">
                    {t('companies.page.documentLock')}
                  </Typography.Paragraph>
                </>
              ) : (
                <Typography.Text type="secondary">
                  <UnlockOutlined aria-hidden /> {t('companies.page.noDocuments')}
                </Typography.Text>
              )}
            </div>
          )
        },
        {
          key: 'websites',
          label: t('companies.page.facts.websites'),
          span: 'filled',
          children:
            company.websites.length === 0 ? (
              <Typography.Text type="secondary">{t('companies.page.noWebsites')}</Typography.Text>
            ) : (
              <ul className="company-website-list" data-field="websites">
                {company.websites.map((website) => (
                  <li key={website.id}>
                    {website.name} <Typography.Text type="secondary">{website.url}</Typography.Text>
                  </li>
                ))}
              </ul>
            )
        }
      ]}
    />
  )
}
