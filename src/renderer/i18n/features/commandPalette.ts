import { featureStrings } from '../feature-strings'

/** Strings of features/command-palette (both languages). */
export const commandPaletteStrings = featureStrings(
  {
    title: 'Command palette',
    label: 'Type a command, or part of an email, login or name',
    placeholder: 'Go to… / find a user / run an action',
    hint: '↑↓ move · Enter runs · Esc closes',
    results: 'Commands and users',
    groups: {
      actions: 'Actions on {{name}}',
      screens: 'Go to',
      users: 'Users'
    },
    screens: {
      users: 'Manage Users',
      companies: 'Companies',
      helpdesk: 'Helpdesk',
      account: 'My account',
      mailbox: 'Local mailbox'
    },
    actions: {
      sendResetLink: 'Send password reset link',
      revokeSessions: 'Log out from all devices',
      invite2fa: 'Invite to use 2FA'
    },
    searching: 'Searching users…',
    none: 'No command or user matches.'
  },
  {
    title: '命令面板',
    label: '输入命令，或邮箱、登录名、姓名的一部分',
    placeholder: '前往… / 查找用户 / 执行操作',
    hint: '↑↓ 移动 · 回车执行 · Esc 关闭',
    results: '命令和用户',
    groups: {
      actions: '对 {{name}} 的操作',
      screens: '前往',
      users: '用户'
    },
    screens: {
      users: '管理用户',
      companies: '公司',
      helpdesk: '服务台',
      account: '我的账户',
      mailbox: '本地邮箱'
    },
    actions: {
      sendResetLink: '发送密码重置链接',
      revokeSessions: '从所有设备退出登录',
      invite2fa: '邀请使用双重验证'
    },
    searching: '正在搜索用户…',
    none: '没有匹配的命令或用户。'
  }
)
