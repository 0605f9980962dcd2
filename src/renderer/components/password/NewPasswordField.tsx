import { CheckOutlined, CopyOutlined, EyeInvisibleOutlined, EyeOutlined, ThunderboltOutlined } from '@ant-design/icons'
import { Button, Form, Input, Progress, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { passwordMaxLength, passwordMinLength, passwordMinScore } from '../../../shared/passwords'
import { estimateStrength, personalWords, type StrengthEstimate } from './password-strength'
import { suggestPassword } from './suggest-password'
import './password.css'

export interface NewPasswordFieldProps {
  /** The form field's name; default `password`. */
  name?: string
  label?: string
  /** The user's login, names and email: a password built from them is refused, as the server does. */
  userInputs: readonly (string | null | undefined)[]
  autoFocus?: boolean
  testId?: string
}

const strengthColours = ['#d4380d', '#fa8c16', '#fadb14', '#52c41a', '#237804'] as const

/**
 * A new password inside an antd Form: Show / Hide, **Suggest password** (CSPRNG, always passes the
 * policy), a zxcvbn-ts strength meter and the policy hints. The field refuses what the server's policy
 * would refuse, so the operator learns it before sending; the server still decides.
 */
export function NewPasswordField({ name = 'password', label, userInputs, autoFocus, testId = 'new-password' }: NewPasswordFieldProps) {
  const { t } = useTranslation()
  const form = Form.useFormInstance()
  const value = (Form.useWatch(name, form) as string | undefined) ?? ''
  const [visible, setVisible] = useState(false)
  const [suggested, setSuggested] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  const estimate = useStrength(value, userInputs)
  const words = personalWords(userInputs)

  const suggest = () => {
    const password = suggestPassword()
    form.setFieldValue(name, password)
    void form.validateFields([name])
    setVisible(true)
    setSuggested(password)
    setCopied(false)
  }

  return (
    <div className="new-password" data-testid={testId}>
      <Form.Item
        name={name}
        label={label ?? t('password.label')}
        required
        validateDebounce={150}
        rules={[
          { required: true, message: t('password.required') },
          { validator: (_rule, input: string | undefined) => lengthCheck(input ?? '', { tooShort: t('password.tooShort', { count: passwordMinLength }), tooLong: t('password.tooLong', { count: passwordMaxLength }) }) },
          {
            validator: async (_rule, input: string | undefined) => {
              if (!input || [...input].length < passwordMinLength || [...input].length > passwordMaxLength) return
              const { score } = await estimateStrength(input, words)
              if (score < passwordMinScore) throw new Error(t('password.tooWeak'))
            }
          }
        ]}
      >
        <Input.Password
          autoFocus={autoFocus}
          autoComplete="new-password"
          data-testid={`${testId}-input`}
          visibilityToggle={{ visible, onVisibleChange: setVisible }}
          iconRender={(shown) => (
            <span role="button" aria-label={shown ? t('password.hide') : t('password.show')} data-testid={`${testId}-toggle`}>
              {shown ? <EyeOutlined /> : <EyeInvisibleOutlined />}
            </span>
          )}
        />
      </Form.Item>
      <Space wrap className="new-password-tools">
        <Button icon={<ThunderboltOutlined />} onClick={suggest} data-testid={`${testId}-suggest`}>
          {t('password.suggest')}
        </Button>
        {suggested !== null && suggested === value ? (
          <Button
            icon={copied ? <CheckOutlined /> : <CopyOutlined />}
            onClick={() => void navigator.clipboard?.writeText(suggested).then(() => setCopied(true), () => setCopied(false))}
            data-testid={`${testId}-copy`}
          >
            {copied ? t('password.copied') : t('password.copy')}
          </Button>
        ) : null}
      </Space>
      <StrengthMeter estimate={value ? estimate : null} />
      <Typography.Text type="secondary" className="new-password-policy">
        <div>{t('password.policyTitle')}</div>
        <ul>
          <li>{t('password.policyLength', { min: passwordMinLength, max: passwordMaxLength })}</li>
          <li>{t('password.policyStrength')}</li>
        </ul>
      </Typography.Text>
    </div>
  )
}

function lengthCheck(input: string, messages: { tooShort: string; tooLong: string }): Promise<void> {
  const length = [...input].length
  if (length === 0) return Promise.resolve()
  if (length < passwordMinLength) return Promise.reject(new Error(messages.tooShort))
  if (length > passwordMaxLength) return Promise.reject(new Error(messages.tooLong))
  return Promise.resolve()
}

/**
 * Always one line of the same height, empty, checking or scored: the buttons below it (a dialog's
 * Create) never move under the pointer while the estimate arrives.
 */
function StrengthMeter({ estimate }: { estimate: StrengthEstimate | null | 'pending' }) {
  const { t } = useTranslation()
  if (estimate === null) return <div className="new-password-meter" aria-hidden />
  if (estimate === 'pending') {
    return (
      <div className="new-password-meter">
        <Typography.Text type="secondary">{t('password.checking')}</Typography.Text>
      </div>
    )
  }
  const label = t(`password.strength.${estimate.score}`)
  return (
    <div className="new-password-meter" data-testid="password-strength" data-score={estimate.score}>
      <Progress
        percent={(estimate.score + 1) * 20}
        steps={5}
        showInfo={false}
        strokeColor={strengthColours[estimate.score]}
        aria-label={t('password.strengthLabel', { label })}
      />
      <Typography.Text>{t('password.strengthLabel', { label })}</Typography.Text>
      {estimate.warning ? <Typography.Text type="secondary"> — {estimate.warning}</Typography.Text> : null}
    </div>
  )
}

/** The strength of what is typed, estimated off the keystroke path (the estimator loads lazily). */
function useStrength(password: string, userInputs: readonly (string | null | undefined)[]): StrengthEstimate | null | 'pending' {
  const [estimate, setEstimate] = useState<StrengthEstimate | null | 'pending'>(null)
  const key = userInputs.join('\u0000')
  useEffect(() => {
    if (!password) {
      setEstimate(null)
      return
    }
    let current = true
    setEstimate((previous) => previous ?? 'pending')
    void estimateStrength(password, personalWords(key.split('\u0000'))).then((result) => {
      if (current) setEstimate(result)
    })
    return () => {
      current = false
    }
  }, [password, key])
  return estimate
}
