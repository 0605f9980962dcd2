import type { DeepLinkRefusal } from '../../../shared/deep-links'
import { featureStrings } from '../feature-strings'

/** Each refusal of a `portaldesk://` link or hash route (src/shared/deep-links.ts) in words: a reason without words does not compile. */
const reasonsEn = {
  notADeskLink: 'Only portaldesk:// links open the desk.',
  tooLong: 'The link is too long to be one the desk makes.',
  userInfo: 'The link carries a user name or password, which desk links never do.',
  port: 'The link names a port, which desk links never do.',
  unknownPlace: 'The link names a place the desk does not have. Links open portaldesk://helpdesk or portaldesk://users/<number>.',
  unknownParameter: 'The link carries a setting the desk does not know. Helpdesk links take ticket and q; any link may take connection.',
  repeatedParameter: 'The link gives the same setting twice.',
  invalidTicket: 'The ticket reference is not valid: up to 64 letters, digits and # . _ : / - (no other characters).',
  invalidSearch: 'The search text is empty, longer than 200 characters, or holds invisible or control characters.',
  invalidUserId: 'The user number is not valid: it must be a positive whole number written in digits.',
  unknownConnection: 'The link names a connection you do not have (or two connections share that name).'
} satisfies Record<DeepLinkRefusal, string>

const reasonsZh = {
  notADeskLink: '只有 portaldesk:// 链接可以打开本工具。',
  tooLong: '链接过长，不是本工具生成的链接。',
  userInfo: '链接中带有用户名或密码，本工具的链接从不如此。',
  port: '链接中带有端口号，本工具的链接从不如此。',
  unknownPlace: '链接指向的位置不存在。可用的链接为 portaldesk://helpdesk 或 portaldesk://users/<编号>。',
  unknownParameter: '链接中含有未知的参数。服务台链接可带 ticket 和 q；任何链接都可带 connection。',
  repeatedParameter: '链接中同一参数出现了两次。',
  invalidTicket: '工单号无效：最多 64 个字母、数字及 # . _ : / -（不允许其他字符）。',
  invalidSearch: '搜索内容为空、超过 200 个字符，或含有不可见字符或控制字符。',
  invalidUserId: '用户编号无效：必须是用数字书写的正整数。',
  unknownConnection: '链接指定的连接不存在（或有两个连接同名）。'
} satisfies Record<DeepLinkRefusal, string>

/** Strings of features/deep-links (both languages). */
export const deepLinksStrings = featureStrings(
  {
    refusedTitle: 'This link was not opened',
    refusedHint: 'Nothing was changed. Check the link in the ticket, or open the place from the menu.',
    noSuchPageTitle: 'There is no such page in the desk',
    openUsers: 'Go to Manage Users',
    openHelpdesk: 'Open an empty Helpdesk',
    reasons: reasonsEn
  },
  {
    refusedTitle: '此链接未被打开',
    refusedHint: '未做任何更改。请检查工单中的链接，或从菜单打开相应位置。',
    noSuchPageTitle: '本工具中没有这个页面',
    openUsers: '前往用户管理',
    openHelpdesk: '打开空白服务台',
    reasons: reasonsZh
  }
)
