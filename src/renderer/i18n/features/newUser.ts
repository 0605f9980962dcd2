import { featureStrings } from '../feature-strings'

/** Strings of features/new-user (both languages): creating a portal user, from the grid or a company. */
export const newUserStrings = featureStrings(
  {
    button: 'New portal user',
    title: 'New portal user',
    consequencePassword: 'Creates a portal user who can sign in to the chosen website with this username and password at once.',
    consequenceInvite: 'Creates a portal user and emails them an invitation with a link to set their own password. Nobody sees or types a password.',
    fields: {
      firstName: 'First name',
      lastName: 'Surname',
      login: 'Username',
      password: 'Password',
      company: 'Company',
      website: 'Website',
      email: 'Email'
    },
    placeholders: {
      company: 'Search a company by name or VAT number',
      website: 'Choose the portal website',
      email: 'name@example.com'
    },
    required: {
      firstName: 'Enter the first name.',
      lastName: 'Enter the surname.',
      login: 'Enter a username.',
      company: 'Choose the company.',
      website: 'Choose the website.',
      email: 'An invitation is sent by email: enter the user’s email address.'
    },
    invalid: {
      tooLong: 'At most {{max}} characters.',
      controlCharacters: 'Tabs and line breaks are not allowed.',
      invisibleCharacters: 'Invisible characters and text-direction controls (zero-width spaces, bidi overrides…) are not allowed.',
      brokenCharacter: 'The text holds a broken character; type it again.',
      loginSpaces: 'A username cannot contain spaces.',
      loginReserved: 'Usernames starting with {{prefix}} are reserved.',
      email: 'Not a valid email address.'
    },
    taken: {
      login: 'This username is already taken. Choose another one.',
      loginConfusable: 'This username looks like an existing username (only characters that look alike differ). Choose another one.',
      email: 'This email address already belongs to another user.'
    },
    credentials: {
      label: 'How the user gets a password',
      typed: 'Type a password',
      invite: 'Send invitation instead',
      inviteHint: 'The user gets an email with a link to set their own password; the link expires after a while. An email address is required.'
    },
    hints: {
      email: 'Optional: for the welcome and password emails.',
      websitesOfCompany: 'The websites of the chosen company.',
      allWebsites: 'This company has no website of its own: every website is listed.',
      chooseCompanyFirst: 'Choose the company first.'
    },
    options: {
      loading: 'Loading…',
      failed: 'The list could not be loaded.',
      noMatch: 'Nothing matches.'
    },
    confirm: 'Create user',
    created: '{{name}} was created.',
    invited: '{{name}} was created, with an invitation by email.',
    inviteBlocked: '{{name}} was created, but the email address is on the block list: no invitation was sent.',
    inviteFailedTitle: '{{name}} was created, but the invitation was not sent',
    inviteFailed: 'Fix the cause on the user’s page, then use Re-send invitation.'
  },
  {
    button: '新建门户用户',
    title: '新建门户用户',
    consequencePassword: '创建一个门户用户，该用户可立即使用此用户名和密码登录所选网站。',
    consequenceInvite: '创建一个门户用户，并通过电子邮件向其发送邀请，邀请中的链接用于设置自己的密码。任何人都不会看到或输入密码。',
    fields: {
      firstName: '名',
      lastName: '姓',
      login: '用户名',
      password: '密码',
      company: '公司',
      website: '网站',
      email: '电子邮件'
    },
    placeholders: {
      company: '按名称或税号搜索公司',
      website: '选择门户网站',
      email: 'name@example.com'
    },
    required: {
      firstName: '请输入名。',
      lastName: '请输入姓。',
      login: '请输入用户名。',
      company: '请选择公司。',
      website: '请选择网站。',
      email: '邀请通过电子邮件发送：请输入用户的电子邮件地址。'
    },
    invalid: {
      tooLong: '最多 {{max}} 个字符。',
      controlCharacters: '不允许使用制表符和换行符。',
      invisibleCharacters: '不允许使用不可见字符和文字方向控制符（零宽空格、双向覆盖符等）。',
      brokenCharacter: '文本中含有损坏的字符，请重新输入。',
      loginSpaces: '用户名不能包含空格。',
      loginReserved: '以 {{prefix}} 开头的用户名为系统保留。',
      email: '电子邮件地址无效。'
    },
    taken: {
      login: '该用户名已被使用，请另选一个。',
      loginConfusable: '该用户名与现有用户名看起来相同（仅有外形相似的字符不同），请另选一个。',
      email: '该电子邮件地址已属于其他用户。'
    },
    credentials: {
      label: '用户如何获得密码',
      typed: '输入密码',
      invite: '改为发送邀请',
      inviteHint: '用户将收到一封电子邮件，其中的链接用于设置自己的密码；链接会在一段时间后过期。必须提供电子邮件地址。'
    },
    hints: {
      email: '可选：用于欢迎邮件和密码相关邮件。',
      websitesOfCompany: '所选公司的网站。',
      allWebsites: '该公司没有自己的网站：列出全部网站。',
      chooseCompanyFirst: '请先选择公司。'
    },
    options: {
      loading: '正在加载…',
      failed: '无法加载列表。',
      noMatch: '没有匹配项。'
    },
    confirm: '创建用户',
    created: '已创建 {{name}}。',
    invited: '已创建 {{name}}，并生成了邀请邮件。',
    inviteBlocked: '已创建 {{name}}，但该电子邮件地址在阻止列表中：未发送邀请。',
    inviteFailedTitle: '已创建 {{name}}，但未发送邀请',
    inviteFailed: '请在用户页面上解决问题，然后使用“重新发送邀请”。'
  }
)
