import { featureStrings } from '../feature-strings'

/** Strings of components/password (both languages). */
export const passwordStrings = featureStrings(
  {
    label: 'New password',
    suggest: 'Suggest password',
    suggested: 'A strong password was generated. Copy it now if you need to hand it over.',
    copy: 'Copy',
    copied: 'Copied',
    show: 'Show password',
    hide: 'Hide password',
    required: 'Enter a password.',
    tooShort_one: 'At least {{count}} character.',
    tooShort_other: 'At least {{count}} characters.',
    tooLong_one: 'At most {{count}} character.',
    tooLong_other: 'At most {{count}} characters.',
    tooWeak: 'Too easy to guess. Use a longer phrase of several unrelated words, or Suggest password.',
    strengthLabel: 'Strength: {{label}}',
    strength: {
      '0': 'very weak',
      '1': 'weak',
      '2': 'fair',
      '3': 'strong',
      '4': 'very strong'
    },
    policyTitle: 'The password policy',
    policyLength: 'Between {{min}} and {{max}} characters',
    policyStrength: 'Not a common password, and not built from the user’s name, username or email',
    checking: 'Checking strength…'
  },
  {
    label: '新密码',
    suggest: '建议密码',
    suggested: '已生成一个强密码。如需转交，请立即复制。',
    copy: '复制',
    copied: '已复制',
    show: '显示密码',
    hide: '隐藏密码',
    required: '请输入密码。',
    tooShort_one: '至少 {{count}} 个字符。',
    tooShort_other: '至少 {{count}} 个字符。',
    tooLong_one: '最多 {{count}} 个字符。',
    tooLong_other: '最多 {{count}} 个字符。',
    tooWeak: '过于容易被猜到。请使用由几个不相关的词组成的较长短语，或点击“建议密码”。',
    strengthLabel: '强度：{{label}}',
    strength: {
      '0': '非常弱',
      '1': '弱',
      '2': '一般',
      '3': '强',
      '4': '非常强'
    },
    policyTitle: '密码策略',
    policyLength: '{{min}} 到 {{max}} 个字符',
    policyStrength: '不能是常见密码，也不能由用户的姓名、用户名或电子邮件组成',
    checking: '正在检查强度…'
  }
)
