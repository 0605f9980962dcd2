import { featureStrings } from '../feature-strings'

/** Strings of the warning the Activity tab shows when the audit log's hash chain is broken (both languages). */
export const auditIntegrityStrings = featureStrings(
  {
    brokenTitle: 'The audit log has been tampered with',
    brokenText:
      'Its hash chain breaks at entry #{{id}}: {{reason}}. Entries from there on cannot be trusted, on this user’s page or any other. ' +
      'Tell whoever looks after the portal’s security; they can run “npm run server -- audit verify” to check again.',
    reasons: {
      contentChanged: 'the entry was changed after it was written',
      rowMissing: 'entries before it were deleted',
      chainRelinked: 'it no longer follows on from the entry before it',
      tailMissing: 'the entries after it were deleted'
    },
    checkedAt: 'Checked {{when}}.'
  },
  {
    brokenTitle: '审计日志已被篡改',
    brokenText:
      '其哈希链在第 #{{id}} 条记录处断开：{{reason}}。从该条起的记录（无论在此用户页面还是其他页面）都不可信。' +
      '请告知负责门户安全的人员；他们可以运行“npm run server -- audit verify”再次检查。',
    reasons: {
      contentChanged: '该记录在写入后被修改',
      rowMissing: '其之前的记录已被删除',
      chainRelinked: '它与前一条记录不再衔接',
      tailMissing: '其之后的记录已被删除'
    },
    checkedAt: '检查时间：{{when}}。'
  }
)
