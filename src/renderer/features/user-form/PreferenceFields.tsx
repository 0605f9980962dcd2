import { Col, Radio, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { internalRoles, invoiceDeliveries, languages, type UserDetail } from '../../../shared/users'
import { FieldBox } from './FieldBox'
import { FormSection } from './FormSection'
import type { useFieldRules } from './use-field-rules'

/** Invoice delivery preference (Odoo), language, and the role of an internal user. */
export function PreferenceFields({ user, rules, ownAccount }: { user: UserDetail; rules: ReturnType<typeof useFieldRules>; ownAccount: boolean }) {
  const { t } = useTranslation()
  return (
    <FormSection id="preferences" title={t('userForm.sections.preferences')}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <FieldBox name="invoiceDelivery" label={t('userForm.fields.invoiceDelivery')} rules={rules.field('invoiceDelivery')}>
            <Radio.Group
              optionType="button"
              options={invoiceDeliveries.map((value) => ({ value, label: t(`userPage.invoiceDeliveries.${value}`) }))}
              data-testid="user-form-invoiceDelivery"
            />
          </FieldBox>
        </Col>
        <Col xs={24} md={8}>
          <FieldBox name="language" label={t('userForm.fields.language')} rules={rules.field('language')}>
            <Select options={languages.map((value) => ({ value, label: t(`languages.${value}`) }))} data-testid="user-form-language" />
          </FieldBox>
        </Col>
        {user.kind === 'internal' ? (
          <Col xs={24} md={8}>
            <FieldBox
              name="role"
              label={t('userForm.fields.role')}
              rules={rules.field('role')}
              required
              extra={ownAccount ? t('userForm.hints.ownRole') : undefined}
            >
              <Select
                options={internalRoles.map((value) => ({ value, label: t(`userDetail.roles.${value}`) }))}
                disabled={ownAccount || undefined}
                data-testid="user-form-role"
              />
            </FieldBox>
          </Col>
        ) : null}
      </Row>
    </FormSection>
  )
}
