import { featureStrings } from '../feature-strings'

/** Strings of components/action-dialog (both languages). */
export const actionDialogStrings = featureStrings(
  {
    target: 'User: {{name}} ({{login}})',
    ticketRef: 'Ticket reference',
    ticketRefPlaceholder: 'HD-1234',
    ticketRequired: 'Support agents give the ticket this action belongs to.',
    ticketInvalid: 'Use letters, digits, spaces and # . _ : / - only (at most 64 characters).',
    reason: 'Reason',
    reasonPlaceholder: 'Why this is done (recorded in the audit log)',
    reasonTooLong: 'At most 500 characters.',
    cancel: 'Cancel',
    typeToConfirm: 'Type {{text}} to confirm',
    typeMismatch: 'Type exactly {{text}}.',
    reauthTitle: 'Confirm your identity',
    reauthExplain: 'This action needs a recent identity check. Enter your own password; the action then runs again.',
    reauthPassword: 'Your password',
    reauthRequired: 'Enter your password.',
    reauthContinue: 'Confirm and continue',
    failed: 'The action did not complete.',
    viewInActivity: 'View in the audit log'
  },
  {
    target: '用户：{{name}}（{{login}}）',
    ticketRef: '工单编号',
    ticketRefPlaceholder: 'HD-1234',
    ticketRequired: '支持专员需填写此操作所属的工单。',
    ticketInvalid: '只能使用字母、数字、空格及 # . _ : / -（最多 64 个字符）。',
    reason: '原因',
    reasonPlaceholder: '执行原因（将记录在审计日志中）',
    reasonTooLong: '最多 500 个字符。',
    cancel: '取消',
    typeToConfirm: '输入 {{text}} 以确认',
    typeMismatch: '请准确输入 {{text}}。',
    reauthTitle: '确认您的身份',
    reauthExplain: '此操作需要近期的身份验证。请输入您自己的密码，随后将重新执行该操作。',
    reauthPassword: '您的密码',
    reauthRequired: '请输入密码。',
    reauthContinue: '确认并继续',
    failed: '操作未完成。',
    viewInActivity: '在审计日志中查看'
  }
)
