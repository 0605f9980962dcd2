import type { UserAuditAction } from '../../features/users/audit-actions'
import { featureStrings } from '../feature-strings'

/**
 * The Activity tab's words for what the audit trail records: each action, the fields of `changes`
 * that are not user-form fields (those reuse `userForm.fields`), and how values read.
 */
export const auditWordsStrings = featureStrings(
  {
    actions: {
      user: { create: 'User created', update: 'User details changed', archive: 'User archived', restore: 'User restored', delete: 'User deleted' },
      account: { delete: 'Account deleted by the user' },
      profile: { update: 'Profile changed by the user' },
      email: { confirm: 'New email address confirmed', undoChange: 'Email change undone' },
      avatar: { set: 'Avatar set', remove: 'Avatar removed' },
      password: {
        set: 'Password set by an administrator',
        change: 'Password changed by the user',
        reset: 'Password reset through a link',
        invitationAccept: 'Invitation accepted, password chosen',
        resetLink: 'Password reset link sent',
        resetLinkRevoke: 'Password reset links revoked',
        requireReset: 'Password change required at next sign-in'
      },
      twoFactor: { invite: 'Invited to set up two-factor authentication', enable: 'Two-factor authentication turned on', disable: 'Two-factor authentication turned off' },
      passkey: { add: 'Passkey added', rename: 'Passkey renamed', remove: 'Passkey removed', revoke: 'Passkey revoked' },
      sessions: { revoke: 'Signed out of devices' },
      apiKey: { create: 'API key created', revoke: 'API key revoked' },
      lock: { unlock: 'Sign-in lock lifted' },
      signIn: { locked: 'Sign-in locked after failed attempts' },
      portalAccess: { grant: 'Portal access granted', revoke: 'Portal access revoked', reinvite: 'Portal invitation sent again' },
      paymentMethod: { add: 'Payment card added', delete: 'Payment card deleted' },
      username: { remind: 'Username reminder sent' },
      verification: { codeSent: 'Verification code sent', passed: 'Caller identity verified', failed: 'Caller identity check failed' }
    },
    fields: {
      active: 'Active',
      password: 'Password',
      passwordHash: 'Password',
      twoFactor: 'Two-factor authentication',
      lockedUntil: 'Locked until',
      sessionsRevoked: 'Sessions ended',
      activeSessions: 'Active sessions',
      session: 'Session',
      resetRequired: 'Password change required',
      mustChange: 'Password change required',
      resetLink: 'Reset link',
      resetLinkSent: 'Reset link sent',
      outstandingLinks: 'Open reset links',
      linksRevoked: 'Reset links revoked',
      pendingEmailChanges: 'Pending email changes',
      oldEmailNotified: 'Previous address told',
      notified: 'Told by email',
      passkey: 'Passkey',
      name: 'Name',
      prefix: 'Key prefix',
      description: 'Description',
      scope: 'Scope',
      revoked: 'Revoked',
      revokedAt: 'Revoked at',
      apiKeysRevoked: 'API keys revoked',
      passkeysRemoved: 'Passkeys removed',
      trustedDevicesForgotten: 'Remembered devices forgotten',
      paymentMethod: 'Payment card',
      invitation: 'Invitation',
      invitationSentTo: 'Invitation sent to',
      usernameSentTo: 'Username sent to',
      codeSentTo: 'Code sent to',
      codeAttempts: 'Code attempts',
      method: 'Verified by',
      facts: 'Facts checked',
      blocklisted: 'Blocked',
      documentLockOverride: 'Document lock overridden',
      companyName: 'Company name',
      vat: 'VAT number',
      id: 'ID',
      expiresAt: 'Expires',
      createdAt: 'Created',
      superseded: 'Earlier links replaced',
      mail: 'Email',
      audience: 'Signed in to',
      ip: 'IP address',
      userAgent: 'Browser or device'
    },
    values: {
      yes: 'yes',
      no: 'no',
      none: '—',
      hidden: '(hidden)',
      change: '{{field}}: {{from}} → {{to}}',
      pair: '{{field}}: {{value}}'
    }
  },
  {
    actions: {
      user: { create: '创建了用户', update: '修改了用户信息', archive: '归档了用户', restore: '恢复了用户', delete: '删除了用户' },
      account: { delete: '用户删除了自己的账户' },
      profile: { update: '用户修改了个人资料' },
      email: { confirm: '确认了新电子邮件地址', undoChange: '撤销了电子邮件更改' },
      avatar: { set: '设置了头像', remove: '移除了头像' },
      password: {
        set: '管理员设置了密码',
        change: '用户修改了密码',
        reset: '通过链接重置了密码',
        invitationAccept: '接受了邀请并设置了密码',
        resetLink: '发送了密码重置链接',
        resetLinkRevoke: '撤销了密码重置链接',
        requireReset: '要求下次登录时修改密码'
      },
      twoFactor: { invite: '邀请设置双重身份验证', enable: '开启了双重身份验证', disable: '关闭了双重身份验证' },
      passkey: { add: '添加了通行密钥', rename: '重命名了通行密钥', remove: '移除了通行密钥', revoke: '吊销了通行密钥' },
      sessions: { revoke: '从设备上注销' },
      apiKey: { create: '创建了 API 密钥', revoke: '吊销了 API 密钥' },
      lock: { unlock: '解除了登录锁定' },
      signIn: { locked: '多次登录失败后被锁定' },
      portalAccess: { grant: '授予了门户访问权限', revoke: '撤销了门户访问权限', reinvite: '重新发送了门户邀请' },
      paymentMethod: { add: '添加了银行卡', delete: '删除了银行卡' },
      username: { remind: '发送了用户名提醒' },
      verification: { codeSent: '发送了验证码', passed: '来电者身份已验证', failed: '来电者身份验证失败' }
    },
    fields: {
      active: '启用',
      password: '密码',
      passwordHash: '密码',
      twoFactor: '双重身份验证',
      lockedUntil: '锁定至',
      sessionsRevoked: '结束的会话',
      activeSessions: '活动会话',
      session: '会话',
      resetRequired: '须修改密码',
      mustChange: '须修改密码',
      resetLink: '重置链接',
      resetLinkSent: '已发送重置链接',
      outstandingLinks: '未使用的重置链接',
      linksRevoked: '撤销的重置链接',
      pendingEmailChanges: '待确认的电子邮件更改',
      oldEmailNotified: '已通知原地址',
      notified: '已发邮件通知',
      passkey: '通行密钥',
      name: '名称',
      prefix: '密钥前缀',
      description: '说明',
      scope: '范围',
      revoked: '已吊销',
      revokedAt: '吊销时间',
      apiKeysRevoked: '吊销的 API 密钥',
      passkeysRemoved: '移除的通行密钥',
      trustedDevicesForgotten: '忘记的已记住设备',
      paymentMethod: '银行卡',
      invitation: '邀请',
      invitationSentTo: '邀请发送至',
      usernameSentTo: '用户名发送至',
      codeSentTo: '验证码发送至',
      codeAttempts: '验证码尝试次数',
      method: '验证方式',
      facts: '核对的信息',
      blocklisted: '已屏蔽',
      documentLockOverride: '已越过单据锁定',
      companyName: '公司名称',
      vat: '税号',
      id: 'ID',
      expiresAt: '过期时间',
      createdAt: '创建时间',
      superseded: '被替换的旧链接',
      mail: '邮件',
      audience: '登录到',
      ip: 'IP 地址',
      userAgent: '浏览器或设备'
    },
    values: {
      yes: '是',
      no: '否',
      none: '—',
      hidden: '（已隐藏）',
      change: '{{field}}：{{from}} → {{to}}',
      pair: '{{field}}：{{value}}'
    }
  }
)

/** The dotted names of the leaves of a strings tree: `user.create`, `email.undoChange`, … */
type Leaves<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}` }[keyof T & string]

// A compile error names any action the server records about a user that has no words here.
type UnwordedAction = Exclude<UserAuditAction, Leaves<typeof auditWordsStrings.en.actions>>
export const everyActionWorded: [UnwordedAction] extends [never] ? true : UnwordedAction = true
