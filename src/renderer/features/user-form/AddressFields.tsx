import { Col, Input, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import { userLimits } from '../../../shared/users'
import { CountrySelect } from './CountrySelect'
import { LockedLabel } from './DocumentLockNotice'
import { FieldBox } from './FieldBox'
import { FormSection } from './FormSection'
import type { useFieldRules } from './use-field-rules'

type AddressLine = 'street' | 'street2' | 'city' | 'zip' | 'state'

const limits: Record<AddressLine, number> = {
  street: userLimits.street,
  street2: userLimits.street,
  city: userLimits.city,
  zip: userLimits.zip,
  state: userLimits.state
}

/** The mailing address (Odoo's portal form): street, street 2, city, ZIP, state and country. */
export function AddressFields({ rules, countryLocked }: { rules: ReturnType<typeof useFieldRules>; countryLocked: boolean }) {
  const { t } = useTranslation()
  const line = (name: AddressLine) => (
    <FieldBox name={name} label={t(`userForm.fields.${name}`)} rules={rules.field(name)}>
      <Input maxLength={limits[name]} autoComplete="off" data-testid={`user-form-${name}`} />
    </FieldBox>
  )
  return (
    <FormSection id="address" title={t('userForm.sections.address')}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {line('street')}
        </Col>
        <Col xs={24} md={12}>
          {line('street2')}
        </Col>
        <Col xs={24} sm={12} md={8}>
          {line('city')}
        </Col>
        <Col xs={24} sm={12} md={4}>
          {line('zip')}
        </Col>
        <Col xs={24} sm={12} md={6}>
          {line('state')}
        </Col>
        <Col xs={24} sm={12} md={6}>
          <FieldBox name="country" label={<LockedLabel text={t('userForm.fields.country')} locked={countryLocked} />} rules={rules.field('country')}>
            <CountrySelect disabled={countryLocked || undefined} />
          </FieldBox>
        </Col>
      </Row>
    </FormSection>
  )
}
