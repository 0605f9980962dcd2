import { Col, Input, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import { userLimits, type UserDetail } from '../../../shared/users'
import { AvatarField } from './AvatarField'
import { FieldBox } from './FieldBox'
import { FormSection } from './FormSection'
import type { useFieldRules } from './use-field-rules'
import type { UserFormController } from './use-user-form'

interface IdentityFieldsProps {
  user: UserDetail
  rules: ReturnType<typeof useFieldRules>
  controller: UserFormController
  editable: boolean
}

/** The avatar, the name in its five parts (Oro's order) and the username. */
export function IdentityFields({ user, rules, controller, editable }: IdentityFieldsProps) {
  const { t } = useTranslation()
  const portal = user.kind === 'portal'
  const text = (name: 'namePrefix' | 'firstName' | 'middleName' | 'lastName' | 'nameSuffix', max: number, autoComplete: string) => (
    <FieldBox name={name} label={t(`userForm.fields.${name}`)} rules={rules.field(name)} required={portal && (name === 'firstName' || name === 'lastName')}>
      <Input maxLength={max} autoComplete={autoComplete} data-testid={`user-form-${name}`} />
    </FieldBox>
  )
  return (
    <FormSection id="identity" title={t('userForm.sections.identity')}>
      <div className="user-form__identity">
        <AvatarField
          userId={user.id}
          name={user.name}
          avatarUrl={controller.base.avatarUrl}
          staged={controller.avatar}
          problem={controller.avatarProblem}
          disabled={!editable || controller.saving}
          onStage={controller.setAvatar}
          onProblem={controller.setAvatarProblem}
        />
        <Row gutter={16} className="user-form__identity-fields">
          <Col xs={24} sm={8} lg={4}>
            {text('namePrefix', userLimits.affix, 'off')}
          </Col>
          <Col xs={24} sm={16} lg={7}>
            {text('firstName', userLimits.namePart, 'off')}
          </Col>
          <Col xs={24} sm={12} lg={6}>
            {text('middleName', userLimits.namePart, 'off')}
          </Col>
          <Col xs={24} sm={12} lg={7}>
            {text('lastName', userLimits.namePart, 'off')}
          </Col>
          <Col xs={24} sm={8} lg={4}>
            {text('nameSuffix', userLimits.affix, 'off')}
          </Col>
          <Col xs={24} sm={16} lg={10}>
            <FieldBox name="login" label={t('userForm.fields.login')} rules={rules.field('login')} required extra={t('userForm.hints.login')}>
              <Input maxLength={userLimits.login} autoComplete="off" spellCheck={false} data-testid="user-form-login" />
            </FieldBox>
          </Col>
        </Row>
      </div>
    </FormSection>
  )
}
