import { defineTemplate } from './template'

export interface AccountDeletedData {
  /** The display name of the recipient. */
  name: string
  /** When the account was deleted, as an ISO instant; shown in UTC. */
  deletedAt: string
}

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`

/** Sent to the address of a deleted account, just before the address is removed from it. */
export const accountDeleted = defineTemplate<AccountDeletedData>({
  en: (data) => ({
    subject: 'Your portal account was deleted',
    text: [
      `Hello ${data.name},`,
      '',
      `Your portal account was deleted on ${utc(data.deletedAt)}.`,
      'You can no longer sign in, and your saved payment methods, passkeys and API keys were removed.',
      'Invoices and orders already issued are kept, as the law requires.',
      '',
      'If you did not ask for this, contact our support team.',
      ''
    ].join('\n')
  }),
  'zh-CN': (data) => ({
    subject: '您的门户账户已删除',
    text: [
      `${data.name}，您好：`,
      '',
      `您的门户账户已于 ${utc(data.deletedAt)} 删除。`,
      '您将无法再登录，已保存的付款方式、通行密钥和 API 密钥均已移除。',
      '已开具的发票和订单将依法保留。',
      '',
      '如果这不是您本人的要求，请联系我们的支持团队。',
      ''
    ].join('\n')
  })
})
