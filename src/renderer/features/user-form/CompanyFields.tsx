import { Col, Input, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import { userLimits, type UserDetail } from '../../../shared/users'
import { CompanySelect, WebsiteSelect } from './CompanySelect'
import { LockedLabel } from './DocumentLockNotice'
import { FieldBox } from './FieldBox'
import { FormSection } from './FormSection'
import type { useFieldRules } from './use-field-rules'
import type { UserFormController } from './use-user-form'

interface CompanyFieldsProps {
  user: UserDetail
  rules: ReturnType<typeof useFieldRules>
  controller: UserFormController
}

/**
 * Company and website (searchable lists), and the company's own name and VAT number, which every
 * user of the company shares. The country lock covers the company, its name and its VAT number.
 */
export function CompanyFields({ user, rules, controller }: CompanyFieldsProps) {
  const { t } = useTranslation()
  const portal = user.kind === 'portal'
  const { base, baseValues, values, locked } = controller
  const companyMoves = values.companyId !== baseValues.companyId
  const hasCompany = baseValues.companyId !== null
  // `undefined` rather than false, so that the form's own disabled state (read-only, saving) still applies.
  const companyTextDisabled = locked || !hasCompany || companyMoves
  const companyTextHint = !hasCompany ? t('userForm.hints.noCompany') : companyMoves ? t('userForm.hints.companyChanged') : t('userForm.hints.companyShared')
  return (
    <FormSection id="company" title={t('userForm.sections.company')}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <FieldBox name="companyId" label={<LockedLabel text={t('userForm.fields.company')} locked={locked} />} rules={rules.field('companyId')} required={portal}>
            <CompanySelect currentId={base.companyId} currentName={base.company} allowClear={!portal} disabled={locked || undefined} testId="user-form-companyId" aria-required={portal} />
          </FieldBox>
        </Col>
        <Col xs={24} md={12}>
          <FieldBox name="websiteId" label={t('userForm.fields.website')} rules={rules.field('websiteId')} required={portal}>
            <WebsiteSelect currentId={base.websiteId ?? null} currentName={base.website} allowClear={!portal} testId="user-form-websiteId" aria-required={portal} />
          </FieldBox>
        </Col>
        <Col xs={24} md={12}>
          <FieldBox
            name="companyName"
            label={<LockedLabel text={t('userForm.fields.companyName')} locked={locked} />}
            rules={rules.field('companyName')}
            required={hasCompany && !companyMoves}
            extra={companyTextHint}
          >
            <Input maxLength={userLimits.companyName} autoComplete="off" disabled={companyTextDisabled || undefined} data-testid="user-form-companyName" />
          </FieldBox>
        </Col>
        <Col xs={24} md={12}>
          <FieldBox name="vat" label={<LockedLabel text={t('userForm.fields.vat')} locked={locked} />} rules={rules.field('vat')}>
            <Input maxLength={userLimits.vat} autoComplete="off" disabled={companyTextDisabled || undefined} data-testid="user-form-vat" />
          </FieldBox>
        </Col>
      </Row>
    </FormSection>
  )
}
