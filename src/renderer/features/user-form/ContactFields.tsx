import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Col, DatePicker, Form, Input, Row, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../../shared/errors'
import { userLimits } from '../../../shared/users'
import { usePreferences } from '../../stores/app-stores'
import { FieldBox } from './FieldBox'
import { FormSection } from './FormSection'
import type { useFieldRules } from './use-field-rules'

/** At most this many other emails (userUpdateRequest's `emails`). */
export const maxOtherEmails = 20

/** The date as typed and shown in each language (dayjs's `L`), with ISO accepted too. */
const birthdayFormats: Record<Locale, string[]> = {
  en: ['MM/DD/YYYY', 'YYYY-MM-DD'],
  'zh-CN': ['YYYY/MM/DD', 'YYYY-MM-DD']
}

/** Primary email, "Add Another Email" (Oro), phone and birthday. */
export function ContactFields({ rules, today }: { rules: ReturnType<typeof useFieldRules>; today: string }) {
  const { t } = useTranslation()
  const language = usePreferences((state) => state.language)
  return (
    <FormSection id="contact" title={t('userForm.sections.contact')}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <FieldBox name="email" label={t('userForm.fields.email')} rules={rules.field('email')}>
            <Input type="email" maxLength={userLimits.email} autoComplete="off" placeholder={t('userForm.placeholders.email')} data-testid="user-form-email" />
          </FieldBox>
          <div data-field="emails">
            <Form.List name="emails">
              {(items, { add, remove }) => (
                <Form.Item label={t('userForm.fields.emails')} className="user-form__emails">
                  {items.map((item, index) => (
                    <Space key={item.key} align="baseline" className="user-form__email-row">
                      <Form.Item name={item.name} rules={rules.otherEmail(index)} validateTrigger={['onChange', 'onBlur']}>
                        <Input
                          type="email"
                          maxLength={userLimits.email}
                          autoComplete="off"
                          aria-label={t('userForm.fields.otherEmail', { number: index + 1 })}
                          placeholder={t('userForm.placeholders.email')}
                          data-testid={`user-form-emails-${index}`}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined aria-hidden />}
                        aria-label={t('userForm.fields.removeEmail', { number: index + 1 })}
                        onClick={() => remove(item.name)}
                        data-testid={`user-form-emails-remove-${index}`}
                      />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() => add('')}
                    disabled={items.length >= maxOtherEmails}
                    title={items.length >= maxOtherEmails ? t('userForm.hints.tooManyEmails', { max: maxOtherEmails }) : undefined}
                    data-testid="user-form-add-email"
                  >
                    {t('userForm.fields.addEmail')}
                  </Button>
                </Form.Item>
              )}
            </Form.List>
          </div>
        </Col>
        <Col xs={24} md={12}>
          <FieldBox name="phone" label={t('userForm.fields.phone')} rules={rules.field('phone')}>
            <Input type="tel" maxLength={userLimits.phone} autoComplete="off" placeholder={t('userForm.placeholders.phone')} data-testid="user-form-phone" />
          </FieldBox>
          <FieldBox
            name="birthday"
            label={t('userForm.fields.birthday')}
            rules={rules.field('birthday')}
            getValueProps={(value: string | null) => ({ value: value ? dayjs(value) : null })}
            normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
          >
            <DatePicker
              format={birthdayFormats[language]}
              placeholder={birthdayFormats[language][0]}
              disabledDate={(day) => day.format('YYYY-MM-DD') > today || day.year() < 1900}
              style={{ width: '100%' }}
              data-testid="user-form-birthday"
            />
          </FieldBox>
        </Col>
      </Row>
    </FormSection>
  )
}
