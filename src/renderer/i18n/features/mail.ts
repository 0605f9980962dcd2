import { featureStrings } from '../feature-strings'

/** The live state of an email an action queued, and the Local mailbox (both languages). */
export const mailStrings = featureStrings(
  {
    state: {
      checking: 'Email: checking its state…',
      queued: 'Email: queued, waiting for delivery.',
      sent: 'Email: sent.',
      failed: 'Email: failed: {{reason}}',
      failedNoReason: 'Email: failed.',
      blocked: 'Email: not sent, the address is on the block list.',
      off: 'Email: not sent, delivery is off on this portal.',
      offMailbox: 'See the Local mailbox',
      unknown: 'Email: its state could not be read.'
    },
    mailbox: {
      title: 'Local mailbox',
      paletteEntry: 'Open the Local mailbox',
      intro: 'What this portal would have emailed. Delivery is off here: nothing left the machine.',
      introDelivering: 'What this portal emailed, kept in full because the server runs with MAILBOX=local (staging only).',
      off: 'This portal has no local mailbox. A server shows one only with MAILBOX=local, meant for staging.',
      empty: 'No email yet.',
      to: 'To',
      subject: 'Subject',
      when: 'When',
      state: 'State',
      back: 'Back to the list',
      states: { queued: 'queued', sent: 'sent', failed: 'failed', blocked: 'blocked', off: 'not sent (delivery off)' }
    }
  },
  {
    state: {
      checking: '邮件：正在查询状态…',
      queued: '邮件：已排队，等待发送。',
      sent: '邮件：已发送。',
      failed: '邮件：发送失败：{{reason}}',
      failedNoReason: '邮件：发送失败。',
      blocked: '邮件：未发送，该地址在屏蔽列表中。',
      off: '邮件：未发送，此门户已关闭邮件投递。',
      offMailbox: '查看本地邮箱',
      unknown: '邮件：无法读取其状态。'
    },
    mailbox: {
      title: '本地邮箱',
      paletteEntry: '打开本地邮箱',
      intro: '此门户本应发送的邮件。此处已关闭投递：没有邮件离开本机。',
      introDelivering: '此门户发送的邮件，因服务器以 MAILBOX=local 运行（仅用于预发布环境）而完整保留。',
      off: '此门户没有本地邮箱。只有以 MAILBOX=local 运行的服务器（用于预发布环境）才会提供。',
      empty: '暂无邮件。',
      to: '收件人',
      subject: '主题',
      when: '时间',
      state: '状态',
      back: '返回列表',
      states: { queued: '已排队', sent: '已发送', failed: '失败', blocked: '已屏蔽', off: '未发送（投递已关闭）' }
    }
  }
)
