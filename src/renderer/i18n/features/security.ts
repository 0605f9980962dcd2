import { featureStrings } from '../feature-strings'

/**
 * Strings of features/security (both languages): the Security tab of the user page and the delete
 * action of the Payment methods tab. Action labels follow the reference documents (Odoo's Security
 * tab and portal pages, Oro's "Reset password", Prim.io's user list).
 */
export const securityStrings = featureStrings(
  {
    tab: 'Security',
    sectionsLabel: 'Security of {{name}}',
    yes: 'Yes',
    no: 'No',
    never: 'Never',
    unknown: 'Unknown',
    actions: 'Actions',
    revoke: 'Revoke',
    deletedTitle: 'This account was deleted',
    deletedText:
      'Deleted {{when}}. Its password, sessions, passkeys, two-factor authentication, API keys and payment methods were removed and its email cleared; the audit trail is kept. A deleted account cannot be restored.',
    archivedTitle: 'This account is archived',
    archivedText: 'The user cannot sign in. Restore the account (below) before sending links or invitations.',
    password: {
      title: 'Password',
      mustChange: 'Must change password at next sign-in',
      resetRequired: 'Password reset required',
      resetRequiredHint: 'The user cannot sign in until they set a new password through the emailed link.',
      noEmail: 'This user has no email address: add one on the General tab before sending a link.',
      archived: 'The account is archived: restore it first.',
      change: {
        button: 'Change password',
        title: 'Change password',
        login: 'Login',
        consequence:
          'The new password replaces the current one at once. The user is signed out everywhere, outstanding reset links stop working and a sign-in lock is lifted.',
        mustChange: 'User must change password at next sign-in',
        notify: 'Notify the user by email',
        notifyHint: 'The email only says that the password was changed: it never contains the password.',
        notifyNoEmail: 'The user has no email address, so no one can be notified.',
        done: 'The password of {{name}} was changed.',
        policy: {
          tooShort: 'The server refused this password: it is too short.',
          tooLong: 'The server refused this password: it is too long.',
          control: 'The server refused this password: it contains control characters such as tabs or line breaks.',
          tooWeak: 'The server refused this password: it is too common or too easy to guess. Use a longer phrase of several unrelated words, or Suggest password.'
        }
      },
      resetLink: {
        send: 'Send password reset link',
        title: 'Send password reset link',
        consequence:
          'A single-use link to choose a new password is emailed to {{email}}. Any earlier link stops working. The current password keeps working until the link is used.',
        latest: 'Latest link',
        none: 'No link has been sent to this user yet.',
        purpose: 'Kind',
        purposes: {
          reset: 'Password reset',
          invite: 'Portal invitation'
        },
        sentAt: 'Created',
        expiresAt: 'Expires',
        usedAt: 'Used',
        revokedAt: 'Revoked',
        status: 'Status',
        statuses: {
          pending: 'Pending',
          used: 'Used',
          expired: 'Expired',
          revoked: 'Revoked'
        },
        loadFailed: 'The latest link could not be loaded.',
        sent: 'A password reset link for {{email}} was created.',
        sentBlocked: 'The link was created, but {{email}} is on the block list: no email was sent.',
        revoke: 'Revoke link',
        revokeTitle: 'Revoke the reset link',
        revokeConsequence: 'The link emailed to the user stops working at once. The password does not change.',
        revoked: 'The link was revoked.'
      },
      requireReset: {
        button: 'Require password reset',
        title: 'Require password reset',
        consequence:
          'The user is signed out at once and cannot sign in until they set a new password through the link emailed to {{email}}. The current password stops working.',
        done: '{{name}} was signed out and must set a new password through the reset link for {{email}}.',
        doneBlocked: '{{name}} was signed out, but {{email}} is on the block list: no link was emailed.'
      }
    },
    twoFactor: {
      title: 'Two-factor authentication',
      status: 'Status',
      on: 'On',
      off: 'Off',
      invite: 'Invite to use 2FA',
      inviteTitle: 'Invite to use two-factor authentication',
      inviteConsequence: 'An email to {{email}} invites the user to turn on two-factor authentication from the portal.',
      alreadyOn: 'Two-factor authentication is already on for this user: there is nothing to invite them to.',
      noEmail: 'This user has no email address to send the invitation to.',
      invited: 'An invitation to use two-factor authentication was created for {{email}}.',
      invitedBlocked: '{{email}} is on the block list: the invitation was recorded but not sent.',
      disable: 'Disable two-factor authentication',
      disableTitle: 'Disable two-factor authentication',
      disableConsequence:
        'For a lost device: the authenticator is removed and the user is signed out everywhere. Until they turn it on again, the password alone signs them in. The server asks for your own password first.',
      notOn: 'Two-factor authentication is off: there is nothing to disable.',
      disabled: 'Two-factor authentication was disabled for {{name}}.'
    },
    signIn: {
      title: 'Sign-in protection',
      status: 'Status',
      locked: 'Locked',
      notLocked: 'Not locked',
      lockedUntil: 'Locked until',
      failedAttempts: 'Failed attempts since the last successful sign-in',
      recentFailures: 'Recent failed attempts',
      loadFailed: 'The sign-in attempts could not be loaded.',
      unlock: 'Unlock',
      unlockTitle: 'Unlock the account',
      unlockConsequence: 'The lock and the failed-attempt counter are cleared: the user can sign in again at once.',
      nothingToUnlock: 'The account is not locked: there is nothing to unlock.',
      unlocked: 'The account of {{name}} was unlocked.'
    },
    portalAccess: {
      title: 'Portal access',
      status: 'Status',
      granted: 'Has portal access',
      notGranted: 'No portal access',
      grant: 'Grant portal access',
      grantTitle: 'Grant portal access',
      grantConsequence: 'The account becomes active and a welcome email with a link to set a password goes to {{email}}.',
      grantWillFailNoEmail: 'Grant will be refused: this user has no valid email address. Add one on the General tab first.',
      revoke: 'Revoke portal access',
      revokeTitle: 'Revoke portal access',
      revokeConsequence: 'The user can no longer sign in: the account is archived, every session ends and outstanding links stop working.',
      reinvite: 'Re-send invitation',
      reinviteTitle: 'Re-send the invitation',
      reinviteConsequence: 'The welcome email goes to {{email}} again, with a new link; the previous link stops working.',
      grantedNotice: '{{name}} now has portal access; an invitation for {{email}} was created.',
      revokedNotice: 'Portal access of {{name}} was revoked.',
      reinvitedNotice: 'A new invitation for {{email}} was created.',
      blockedNotice: '{{email}} is on the block list: the invitation was recorded but not sent.'
    },
    passkeys: {
      title: 'Passkeys',
      name: 'Name',
      created: 'Created',
      lastUsed: 'Last used',
      synced: 'Synced',
      securityKey: 'Security key',
      empty: 'This user has no passkeys.',
      loadFailed: 'The passkeys could not be loaded.',
      revokeLabel: 'Revoke the passkey {{name}}',
      revokeTitle: 'Revoke a passkey',
      revokeConsequence: 'The passkey “{{name}}” can no longer be used to sign in. The user can add a new one from the portal.',
      revoked: 'The passkey “{{name}}” was revoked.'
    },
    sessions: {
      title: 'Sessions',
      device: 'Device or browser',
      ip: 'IP address',
      started: 'Started',
      lastSeen: 'Last seen',
      audiences: {
        portal: 'Portal',
        operator: 'Desk'
      },
      current: 'This desk',
      expired: 'Expired',
      empty: 'No active sessions.',
      loadFailed: 'The sessions could not be loaded.',
      signOut: 'Sign out',
      signOutLabel: 'Sign out the session on {{device}}',
      signOutTitle: 'Sign out one session',
      signOutConsequence: 'The session on {{device}} (IP {{ip}}) ends at once; the user has to sign in again there. Other sessions stay.',
      signedOut: 'The session was signed out.',
      revokeAll: 'Log out from all devices',
      revokeAllTitle: 'Log out from all devices',
      revokeAllConsequence: 'Every session of the user ends at once, on every device. The password does not change.',
      revokedAll_one: '{{name}} was signed out of every device ({{count}} session).',
      revokedAll_other: '{{name}} was signed out of every device ({{count}} sessions).'
    },
    apiKeys: {
      title: 'API keys',
      description: 'Description',
      scope: 'Scope',
      scopes: {
        read: 'Read only',
        read_write: 'Read and write'
      },
      created: 'Created',
      expires: 'Expires',
      lastUsed: 'Last used',
      noExpiry: 'Never expires',
      empty: 'This user has no API keys.',
      loadFailed: 'The API keys could not be loaded.',
      revokeLabel: 'Revoke the API key {{description}}',
      revokeTitle: 'Revoke an API key',
      revokeConsequence: 'The key “{{description}}” ({{prefix}}…) stops working at once: integrations that use it will be refused.',
      revoked: 'The API key “{{description}}” was revoked.'
    },
    account: {
      title: 'Account',
      status: 'Status',
      active: 'Active',
      archived: 'Archived',
      archive: 'Archive',
      archiveTitle: 'Archive the account',
      archiveConsequence: 'The user can no longer sign in and every session ends. The account and its data stay; Restore brings it back.',
      archivedNotice: '{{name}} was archived.',
      restore: 'Restore',
      restoreTitle: 'Restore the account',
      restoreConsequence: 'The user can sign in again with their current password.',
      restoredNotice: '{{name}} was restored.',
      delete: 'Delete account',
      deleteTitle: 'Delete the account',
      deleteConsequence:
        'This cannot be undone. The login becomes {{login}}; the password, sessions, passkeys, two-factor authentication, API keys and payment methods are removed, and the email is cleared. Name, phone, address and the audit trail are kept. The server asks for your own password first.',
      blocklist: 'Add the email and phone to the block list',
      blocklistHint: 'Nothing is ever sent to them again, and they cannot be used for a new account.',
      deletedNotice: 'The account of {{name}} was deleted.'
    },
    paymentMethods: {
      delete: 'Delete',
      deleteLabel: 'Delete the card {{number}}',
      deleteTitle: 'Delete a payment method',
      deleteConsequence: 'The card {{brand}} {{number}} (expires {{expiry}}) is removed from the account. To change it, the user enters it again.',
      deleted: 'The card {{number}} was deleted.'
    },
    refusals: {
      forbidden: 'Your role does not allow this action on this user. Ask an administrator.'
    }
  },
  {
    tab: '安全',
    sectionsLabel: '{{name}} 的安全设置',
    yes: '是',
    no: '否',
    never: '从未',
    unknown: '未知',
    actions: '操作',
    revoke: '撤销',
    deletedTitle: '此账户已删除',
    deletedText: '删除于 {{when}}。其密码、会话、通行密钥、双重身份验证、API 密钥和支付方式已移除，电子邮件已清除；审计记录保留。已删除的账户无法恢复。',
    archivedTitle: '此账户已归档',
    archivedText: '该用户无法登录。发送链接或邀请之前，请先（在下方）恢复该账户。',
    password: {
      title: '密码',
      mustChange: '下次登录时必须修改密码',
      resetRequired: '需要重置密码',
      resetRequiredHint: '用户通过邮件中的链接设置新密码之前无法登录。',
      noEmail: '该用户没有电子邮件地址：请先在“常规”选项卡中添加，再发送链接。',
      archived: '该账户已归档：请先恢复。',
      change: {
        button: '修改密码',
        title: '修改密码',
        login: '登录名',
        consequence: '新密码立即取代当前密码。用户将在所有设备上退出登录，未使用的重置链接失效，登录锁定也会解除。',
        mustChange: '用户下次登录时必须修改密码',
        notify: '通过电子邮件通知用户',
        notifyHint: '邮件只说明密码已被修改，绝不包含密码本身。',
        notifyNoEmail: '该用户没有电子邮件地址，因此无法通知。',
        done: '{{name}} 的密码已修改。',
        policy: {
          tooShort: '服务器拒绝了此密码：密码太短。',
          tooLong: '服务器拒绝了此密码：密码太长。',
          control: '服务器拒绝了此密码：其中包含制表符或换行等控制字符。',
          tooWeak: '服务器拒绝了此密码：过于常见或容易被猜到。请使用由几个不相关的词组成的较长短语，或点击“建议密码”。'
        }
      },
      resetLink: {
        send: '发送密码重置链接',
        title: '发送密码重置链接',
        consequence: '一个一次性链接将发送到 {{email}}，用于设置新密码。之前的链接全部失效。在使用该链接之前，当前密码仍然有效。',
        latest: '最近的链接',
        none: '尚未向该用户发送过链接。',
        purpose: '类型',
        purposes: {
          reset: '密码重置',
          invite: '门户邀请'
        },
        sentAt: '创建时间',
        expiresAt: '过期时间',
        usedAt: '使用时间',
        revokedAt: '撤销时间',
        status: '状态',
        statuses: {
          pending: '待使用',
          used: '已使用',
          expired: '已过期',
          revoked: '已撤销'
        },
        loadFailed: '无法加载最近的链接。',
        sent: '已为 {{email}} 创建密码重置链接。',
        sentBlocked: '链接已创建，但 {{email}} 在屏蔽列表中：未发送邮件。',
        revoke: '撤销链接',
        revokeTitle: '撤销重置链接',
        revokeConsequence: '发送给用户的链接立即失效。密码不会改变。',
        revoked: '链接已撤销。'
      },
      requireReset: {
        button: '要求重置密码',
        title: '要求重置密码',
        consequence: '用户将立即退出登录，在通过发送到 {{email}} 的链接设置新密码之前无法登录。当前密码随即失效。',
        done: '{{name}} 已退出登录，必须通过发往 {{email}} 的重置链接设置新密码。',
        doneBlocked: '{{name}} 已退出登录，但 {{email}} 在屏蔽列表中：未发送链接。'
      }
    },
    twoFactor: {
      title: '双重身份验证',
      status: '状态',
      on: '已启用',
      off: '未启用',
      invite: '邀请使用双重身份验证',
      inviteTitle: '邀请使用双重身份验证',
      inviteConsequence: '将向 {{email}} 发送邮件，邀请用户在门户中启用双重身份验证。',
      alreadyOn: '该用户已启用双重身份验证，无需邀请。',
      noEmail: '该用户没有可接收邀请的电子邮件地址。',
      invited: '已为 {{email}} 创建双重身份验证邀请。',
      invitedBlocked: '{{email}} 在屏蔽列表中：邀请已记录，但未发送。',
      disable: '停用双重身份验证',
      disableTitle: '停用双重身份验证',
      disableConsequence: '用于设备丢失的情况：身份验证器将被移除，用户在所有设备上退出登录。在重新启用之前，仅凭密码即可登录。服务器会先要求您输入自己的密码。',
      notOn: '双重身份验证未启用：无需停用。',
      disabled: '已为 {{name}} 停用双重身份验证。'
    },
    signIn: {
      title: '登录保护',
      status: '状态',
      locked: '已锁定',
      notLocked: '未锁定',
      lockedUntil: '锁定至',
      failedAttempts: '上次成功登录后的失败次数',
      recentFailures: '最近的失败尝试',
      loadFailed: '无法加载登录尝试记录。',
      unlock: '解锁',
      unlockTitle: '解锁账户',
      unlockConsequence: '锁定和失败次数计数将被清除：用户可以立即再次登录。',
      nothingToUnlock: '该账户未被锁定：无需解锁。',
      unlocked: '{{name}} 的账户已解锁。'
    },
    portalAccess: {
      title: '门户访问权限',
      status: '状态',
      granted: '拥有门户访问权限',
      notGranted: '没有门户访问权限',
      grant: '授予门户访问权限',
      grantTitle: '授予门户访问权限',
      grantConsequence: '账户将被激活，并向 {{email}} 发送一封欢迎邮件，其中包含设置密码的链接。',
      grantWillFailNoEmail: '授予将被拒绝：该用户没有有效的电子邮件地址。请先在“常规”选项卡中添加。',
      revoke: '撤销门户访问权限',
      revokeTitle: '撤销门户访问权限',
      revokeConsequence: '用户将无法再登录：账户被归档，所有会话结束，未使用的链接失效。',
      reinvite: '重新发送邀请',
      reinviteTitle: '重新发送邀请',
      reinviteConsequence: '欢迎邮件将再次发送到 {{email}}，附带新链接；之前的链接失效。',
      grantedNotice: '{{name}} 现在拥有门户访问权限；已为 {{email}} 创建邀请。',
      revokedNotice: '已撤销 {{name}} 的门户访问权限。',
      reinvitedNotice: '已为 {{email}} 创建新的邀请。',
      blockedNotice: '{{email}} 在屏蔽列表中：邀请已记录，但未发送。'
    },
    passkeys: {
      title: '通行密钥',
      name: '名称',
      created: '创建时间',
      lastUsed: '上次使用',
      synced: '已同步',
      securityKey: '安全密钥',
      empty: '该用户没有通行密钥。',
      loadFailed: '无法加载通行密钥。',
      revokeLabel: '撤销通行密钥 {{name}}',
      revokeTitle: '撤销通行密钥',
      revokeConsequence: '通行密钥“{{name}}”将不能再用于登录。用户可以在门户中添加新的通行密钥。',
      revoked: '通行密钥“{{name}}”已撤销。'
    },
    sessions: {
      title: '会话',
      device: '设备或浏览器',
      ip: 'IP 地址',
      started: '开始时间',
      lastSeen: '最后活动',
      audiences: {
        portal: '门户',
        operator: '管理端'
      },
      current: '当前管理端',
      expired: '已过期',
      empty: '没有活动的会话。',
      loadFailed: '无法加载会话。',
      signOut: '退出登录',
      signOutLabel: '退出 {{device}} 上的会话',
      signOutTitle: '退出一个会话',
      signOutConsequence: '{{device}}（IP {{ip}}）上的会话立即结束；用户需要在该处重新登录。其他会话不受影响。',
      signedOut: '该会话已退出登录。',
      revokeAll: '从所有设备注销',
      revokeAllTitle: '从所有设备注销',
      revokeAllConsequence: '用户在所有设备上的会话立即结束。密码不会改变。',
      revokedAll_one: '{{name}} 已从所有设备注销（{{count}} 个会话）。',
      revokedAll_other: '{{name}} 已从所有设备注销（{{count}} 个会话）。'
    },
    apiKeys: {
      title: 'API 密钥',
      description: '描述',
      scope: '权限范围',
      scopes: {
        read: '只读',
        read_write: '读写'
      },
      created: '创建时间',
      expires: '过期时间',
      lastUsed: '上次使用',
      noExpiry: '永不过期',
      empty: '该用户没有 API 密钥。',
      loadFailed: '无法加载 API 密钥。',
      revokeLabel: '撤销 API 密钥 {{description}}',
      revokeTitle: '撤销 API 密钥',
      revokeConsequence: '密钥“{{description}}”（{{prefix}}…）立即失效：使用它的集成将被拒绝。',
      revoked: 'API 密钥“{{description}}”已撤销。'
    },
    account: {
      title: '账户',
      status: '状态',
      active: '正常',
      archived: '已归档',
      archive: '归档',
      archiveTitle: '归档账户',
      archiveConsequence: '用户将无法再登录，所有会话结束。账户及其数据保留；可通过“恢复”找回。',
      archivedNotice: '{{name}} 已归档。',
      restore: '恢复',
      restoreTitle: '恢复账户',
      restoreConsequence: '用户可以用当前密码再次登录。',
      restoredNotice: '{{name}} 已恢复。',
      delete: '删除账户',
      deleteTitle: '删除账户',
      deleteConsequence:
        '此操作无法撤销。登录名将变为 {{login}}；密码、会话、通行密钥、双重身份验证、API 密钥和支付方式将被移除，电子邮件被清除。姓名、电话、地址和审计记录保留。服务器会先要求您输入自己的密码。',
      blocklist: '将电子邮件和电话加入屏蔽列表',
      blocklistHint: '之后不会再向它们发送任何内容，也不能再用它们注册新账户。',
      deletedNotice: '{{name}} 的账户已删除。'
    },
    paymentMethods: {
      delete: '删除',
      deleteLabel: '删除银行卡 {{number}}',
      deleteTitle: '删除支付方式',
      deleteConsequence: '银行卡 {{brand}} {{number}}（有效期至 {{expiry}}）将从账户中移除。如需更改，由用户重新输入。',
      deleted: '银行卡 {{number}} 已删除。'
    },
    refusals: {
      forbidden: '您的角色无权对该用户执行此操作。请联系管理员。'
    }
  }
)
