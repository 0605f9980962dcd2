import { featureStrings } from '../feature-strings'

/** Strings of features/user-grid (both languages): filter chips, columns, page size, bulk actions, export. */
export const userGridStrings = featureStrings(
  {
    toolbarLabel: 'Filters and views of the users grid',
    filters: {
      add: 'Add filter',
      addTitle: 'Add a filter',
      field: 'Filter by',
      value: 'Show',
      fieldPlaceholder: 'Choose what to filter by',
      valuePlaceholder: 'Choose a value',
      companyPlaceholder: 'Type to search companies',
      websitePlaceholder: 'Type to search websites',
      noMatch: 'Nothing matches',
      optionsFailed: 'The choices could not be loaded.',
      chip: '{{label}}: {{value}}',
      remove: 'Remove the filter {{filter}}',
      clear: 'Clear filters',
      status: { label: 'Status', active: 'Active', archived: 'Archived', all: 'Active and archived' },
      twoFactor: { label: '2FA', on: 'On', off: 'Off' },
      locked: { label: 'Sign-in lock', true: 'Locked', false: 'Not locked' },
      signIn: { label: 'Last sign-in', never: 'Never signed in', dormant: 'Dormant > {{days}} days' },
      company: { label: 'Company' },
      website: { label: 'Website' }
    },
    columns: {
      chooser: 'Columns',
      chooserLabel: 'Columns to show',
      fixed: '{{column}} (always shown)',
      phone: 'Phone',
      twoFactor: '2FA',
      twoFactorOn: 'On',
      twoFactorOff: 'Off'
    },
    pageSize: {
      label: 'Rows per request',
      option: '{{size}} rows per request'
    },
    loadedSoFar_one: '{{loaded}} user loaded; more load as you scroll',
    loadedSoFar_other: '{{loaded}} users loaded; more load as you scroll',
    emptyFiltered: 'No users match these filters.',
    selection: {
      row: 'Select {{name}}',
      loaded: 'Select all loaded users',
      count: 'Selected: {{users}}',
      selectAllMatching_one: 'Select the {{users}} user matching the filter',
      selectAllMatching_other: 'Select all {{users}} users matching the filter',
      selectAllMatchingUnknown: 'Select all users matching the filter',
      selecting: 'Selecting the users matching the filter… {{loaded}} so far',
      allMatchingSelected_one: 'The {{users}} user matching the filter is selected.',
      allMatchingSelected_other: 'All {{users}} users matching the filter are selected.',
      clear: 'Clear selection',
      cancel: 'Cancel',
      failed: 'The users matching the filter could not be read.'
    },
    bulk: {
      label: 'Actions on the selected users',
      title_one: '{{action}}: {{users}} user',
      title_other: '{{action}}: {{users}} users',
      skipsAhead: '{{users}} of them will be skipped: {{reasons}}.',
      reasonsSeparator: ', ',
      ticketForAll: 'The ticket reference and reason are recorded with each user’s action.',
      actions: {
        sendResetLink: {
          label: 'Send password reset link',
          consequence_one: 'The {{users}} selected user gets an email with a single-use link to choose a new password. Their current password keeps working until they use it.',
          consequence_other: 'Each of the {{users}} users gets an email with a single-use link to choose a new password. Their current password keeps working until they use it.',
          done: 'Sent'
        },
        inviteTwoFactor: {
          label: 'Invite to use 2FA',
          consequence_one: 'The {{users}} selected user gets an email inviting them to turn on two-factor authentication.',
          consequence_other: 'Each of the {{users}} users gets an email inviting them to turn on two-factor authentication.',
          done: 'Invited'
        },
        revokeSessions: {
          label: 'Log out from all devices',
          consequence_one: 'Every session of the {{users}} selected user ends at once, on every device: they must sign in again.',
          consequence_other: 'Every session of the {{users}} users ends at once, on every device: they must sign in again.',
          done: 'Logged out'
        },
        archive: {
          label: 'Archive',
          consequence_one: 'The {{users}} selected user can no longer sign in, and all their sessions end. An administrator can restore them later.',
          consequence_other: 'The {{users}} users can no longer sign in, and all their sessions end. An administrator can restore them later.',
          done: 'Archived'
        }
      },
      progressLabel: 'Progress',
      progress: '{{finished}} of {{total}}',
      cancel: 'Cancel',
      cancelling: 'Stopping: the calls already sent finish first…',
      close: 'Close',
      finished: 'Finished. {{doneLabel}}: {{done}} · Skipped: {{skipped}} · Failed: {{failed}}',
      cancelled: 'Cancelled. {{doneLabel}}: {{done}} · Skipped: {{skipped}} · Failed: {{failed}} · Not started: {{notStarted}}',
      stopped: 'Stopped. {{doneLabel}}: {{done}} · Skipped: {{skipped}} · Failed: {{failed}} · Not started: {{notStarted}}',
      // The system notification when a run ends while PortalDesk is in the background; its text is the summary above.
      notification: {
        finished: 'PortalDesk: {{action}} finished',
        cancelled: 'PortalDesk: {{action}} cancelled',
        stopped: 'PortalDesk: {{action}} stopped'
      },
      show: 'Show',
      outcome: { all: 'All', skipped: 'Skipped', failed: 'Failed', notStarted: 'Not started' },
      resultsLabel: 'Result per user',
      columns: { user: 'User', result: 'Result', why: 'Why' },
      sessionsEnded: 'Sessions ended: {{sessions}}',
      skip: {
        noEmail: 'No email address',
        twoFactorOn: '2FA is already on',
        archived: 'The user is archived',
        alreadyArchived: 'Already archived',
        ownAccount: 'Your own account'
      },
      failure: {
        archived: 'The user is archived',
        alreadyArchived: 'Already archived',
        deleted: 'The account was deleted',
        noEmail: 'No email address',
        twoFactorOn: '2FA is already on',
        notFound: 'The user no longer exists',
        forbidden: 'Your role does not allow this for this user',
        ticketRequired: 'A ticket reference is required',
        reauthRequired: 'The server asked to confirm your password',
        sessionEnded: 'Your session ended, so the rest was not started',
        mailLimit: 'The user already got as many emails as the hourly limit allows'
      },
      notStarted: 'Not started',
      audit: 'View in the audit log'
    },
    export: {
      button: 'Export CSV',
      title: 'Export CSV',
      progress_one: '{{rows}} of {{total}} user',
      progress_other: '{{rows}} of {{total}} users',
      progressUnknown_one: '{{rows}} user so far',
      progressUnknown_other: '{{rows}} users so far',
      cancel: 'Cancel',
      failed: 'The export stopped.',
      done_one: 'Exported {{rows}} user to {{file}}.',
      done_other: 'Exported {{rows}} users to {{file}}.',
      cancelled: 'The export was cancelled; no file was saved.',
      // The system notification when an export ends while PortalDesk is in the background.
      notificationDone: 'PortalDesk: CSV export finished',
      notificationFailed: 'PortalDesk: CSV export failed',
      notificationFailedBody_one: 'It stopped after {{rows}} user; no file was saved. Open PortalDesk to try again.',
      notificationFailedBody_other: 'It stopped after {{rows}} users; no file was saved. Open PortalDesk to try again.'
    }
  },
  {
    toolbarLabel: '用户列表的筛选和视图',
    filters: {
      add: '添加筛选',
      addTitle: '添加筛选条件',
      field: '筛选项',
      value: '显示',
      fieldPlaceholder: '选择筛选项',
      valuePlaceholder: '选择值',
      companyPlaceholder: '输入以搜索公司',
      websitePlaceholder: '输入以搜索网站',
      noMatch: '没有匹配项',
      optionsFailed: '无法加载可选项。',
      chip: '{{label}}：{{value}}',
      remove: '移除筛选条件 {{filter}}',
      clear: '清除筛选',
      status: { label: '状态', active: '启用', archived: '已归档', all: '启用和已归档' },
      twoFactor: { label: '双重验证', on: '已开启', off: '未开启' },
      locked: { label: '登录锁定', true: '已锁定', false: '未锁定' },
      signIn: { label: '上次登录', never: '从未登录', dormant: '超过 {{days}} 天未登录' },
      company: { label: '公司' },
      website: { label: '网站' }
    },
    columns: {
      chooser: '列',
      chooserLabel: '要显示的列',
      fixed: '{{column}}（始终显示）',
      phone: '电话',
      twoFactor: '双重验证',
      twoFactorOn: '已开启',
      twoFactorOff: '未开启'
    },
    pageSize: {
      label: '每次加载的行数',
      option: '每次加载 {{size}} 行'
    },
    loadedSoFar_one: '已加载 {{loaded}} 个用户，滚动可加载更多',
    loadedSoFar_other: '已加载 {{loaded}} 个用户，滚动可加载更多',
    emptyFiltered: '没有符合这些筛选条件的用户。',
    selection: {
      row: '选择 {{name}}',
      loaded: '选择已加载的全部用户',
      count: '已选择：{{users}}',
      selectAllMatching_one: '选择符合筛选条件的全部 {{users}} 个用户',
      selectAllMatching_other: '选择符合筛选条件的全部 {{users}} 个用户',
      selectAllMatchingUnknown: '选择符合筛选条件的全部用户',
      selecting: '正在选择符合筛选条件的用户…已读取 {{loaded}} 个',
      allMatchingSelected_one: '已选择符合筛选条件的全部 {{users}} 个用户。',
      allMatchingSelected_other: '已选择符合筛选条件的全部 {{users}} 个用户。',
      clear: '清除选择',
      cancel: '取消',
      failed: '无法读取符合筛选条件的用户。'
    },
    bulk: {
      label: '对所选用户的操作',
      title_one: '{{action}}：{{users}} 个用户',
      title_other: '{{action}}：{{users}} 个用户',
      skipsAhead: '其中 {{users}} 个用户将被跳过：{{reasons}}。',
      reasonsSeparator: '、',
      ticketForAll: '工单号和原因会随每个用户的操作一起记录。',
      actions: {
        sendResetLink: {
          label: '发送密码重置链接',
          consequence_one: '这 {{users}} 个用户都会收到一封电子邮件，其中含有用于设置新密码的一次性链接。在使用该链接之前，他们的当前密码仍然有效。',
          consequence_other: '这 {{users}} 个用户都会收到一封电子邮件，其中含有用于设置新密码的一次性链接。在使用该链接之前，他们的当前密码仍然有效。',
          done: '已发送'
        },
        inviteTwoFactor: {
          label: '邀请使用双重验证',
          consequence_one: '这 {{users}} 个用户都会收到一封邀请其开启双重验证的电子邮件。',
          consequence_other: '这 {{users}} 个用户都会收到一封邀请其开启双重验证的电子邮件。',
          done: '已邀请'
        },
        revokeSessions: {
          label: '从所有设备注销',
          consequence_one: '这 {{users}} 个用户在所有设备上的会话都会立即结束，他们必须重新登录。',
          consequence_other: '这 {{users}} 个用户在所有设备上的会话都会立即结束，他们必须重新登录。',
          done: '已注销'
        },
        archive: {
          label: '归档',
          consequence_one: '这 {{users}} 个用户将无法再登录，其所有会话都会结束。管理员之后可以恢复他们。',
          consequence_other: '这 {{users}} 个用户将无法再登录，其所有会话都会结束。管理员之后可以恢复他们。',
          done: '已归档'
        }
      },
      progressLabel: '进度',
      progress: '{{finished}} / {{total}}',
      cancel: '取消',
      cancelling: '正在停止：已发出的请求会先完成…',
      close: '关闭',
      finished: '已完成。{{doneLabel}}：{{done}} · 已跳过：{{skipped}} · 失败：{{failed}}',
      cancelled: '已取消。{{doneLabel}}：{{done}} · 已跳过：{{skipped}} · 失败：{{failed}} · 未开始：{{notStarted}}',
      stopped: '已停止。{{doneLabel}}：{{done}} · 已跳过：{{skipped}} · 失败：{{failed}} · 未开始：{{notStarted}}',
      notification: {
        finished: 'PortalDesk：{{action}}已完成',
        cancelled: 'PortalDesk：{{action}}已取消',
        stopped: 'PortalDesk：{{action}}已停止'
      },
      show: '显示',
      outcome: { all: '全部', skipped: '已跳过', failed: '失败', notStarted: '未开始' },
      resultsLabel: '每个用户的结果',
      columns: { user: '用户', result: '结果', why: '原因' },
      sessionsEnded: '已结束的会话：{{sessions}}',
      skip: {
        noEmail: '没有电子邮件地址',
        twoFactorOn: '已开启双重验证',
        archived: '该用户已归档',
        alreadyArchived: '已经归档',
        ownAccount: '您自己的账户'
      },
      failure: {
        archived: '该用户已归档',
        alreadyArchived: '已经归档',
        deleted: '该账户已被删除',
        noEmail: '没有电子邮件地址',
        twoFactorOn: '已开启双重验证',
        notFound: '该用户已不存在',
        forbidden: '您的角色无权对该用户执行此操作',
        ticketRequired: '必须填写工单号',
        reauthRequired: '服务器要求确认您的密码',
        sessionEnded: '您的会话已结束，其余操作未开始',
        mailLimit: '该用户收到的邮件已达到每小时上限'
      },
      notStarted: '未开始',
      audit: '在审计日志中查看'
    },
    export: {
      button: '导出 CSV',
      title: '导出 CSV',
      progress_one: '{{rows}} / {{total}} 个用户',
      progress_other: '{{rows}} / {{total}} 个用户',
      progressUnknown_one: '已导出 {{rows}} 个用户',
      progressUnknown_other: '已导出 {{rows}} 个用户',
      cancel: '取消',
      failed: '导出已中止。',
      done_one: '已将 {{rows}} 个用户导出到 {{file}}。',
      done_other: '已将 {{rows}} 个用户导出到 {{file}}。',
      cancelled: '导出已取消，未保存任何文件。',
      notificationDone: 'PortalDesk：CSV 导出已完成',
      notificationFailed: 'PortalDesk：CSV 导出失败',
      notificationFailedBody_one: '导出在 {{rows}} 个用户后中止，未保存任何文件。请打开 PortalDesk 重试。',
      notificationFailedBody_other: '导出在 {{rows}} 个用户后中止，未保存任何文件。请打开 PortalDesk 重试。'
    }
  }
)
