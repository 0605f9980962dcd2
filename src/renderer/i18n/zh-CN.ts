import type { Translation } from './en'
import { errorMessagesIn } from './error-messages'
import { accountStrings } from './features/account'
import { actionDialogStrings } from './features/actionDialog'
import { commandPaletteStrings } from './features/commandPalette'
import { deepLinksStrings } from './features/deepLinks'
import { companiesStrings } from './features/companies'
import { helpdeskStrings } from './features/helpdesk'
import { newUserStrings } from './features/newUser'
import { passwordStrings } from './features/password'
import { refusalsStrings } from './features/refusals'
import { rolesStrings } from './features/roles'
import { auditIntegrityStrings } from './features/auditIntegrity'
import { auditWordsStrings } from './features/auditWords'
import { mailStrings } from './features/mail'
import { securityStrings } from './features/security'
import { userFormStrings } from './features/userForm'
import { userGridStrings } from './features/userGrid'

/** 简体中文. Terms follow Odoo's Chinese documentation (门户用户, 内部用户, 管理用户). */
export const zhCN: Translation = {
  app: {
    name: 'PortalDesk',
    titleWithConnection: 'PortalDesk — {{connection}}',
    loading: '正在启动 PortalDesk…',
    sessionLoadFailed: 'PortalDesk 无法读取会话信息。',
    retry: '重试',
    mainNavigation: '主导航'
  },
  header: {
    language: '语言',
    darkTheme: '深色主题',
    connection: '已连接到 {{connection}}',
    signedInAs: '当前用户：{{name}}（{{role}}）',
    signOut: '退出登录'
  },
  nav: {
    manageUsers: '管理用户'
  },
  notices: {
    vaultMemoryOnly: '登录凭据仅保存在内存中：本系统不提供存储机密信息的加密功能，重新启动 PortalDesk 后需要再次登录。',
    connectionsReset: '无法读取已保存的连接，已重置为本地门户。',
    firstRunTitle: '本地管理员账户',
    firstRun: '此密码仅显示一次：请妥善保存，再次登录本地门户时需要使用。',
    firstRunLogin: '登录名',
    firstRunPassword: '密码',
    copyPassword: '复制密码',
    copied: '已复制',
    dismiss: '我已保存',
    localPortalStarting: '本地门户正在启动…',
    localPortalFailedTitle: '本地门户无法启动',
    startupErrorTitle: '无法恢复上次的会话',
    sessionExpired: '您的会话已结束，请重新登录。'
  },
  connection: {
    title: '登录门户',
    portals: '门户',
    portalsHint: '选择要管理的门户。',
    localPortal: '本地门户',
    localPortalDescription: '在本机运行，包含演示数据',
    remove: '移除 {{name}}',
    noProfiles: '尚无门户，请在下方添加。',
    addRemote: '添加远程门户',
    addTitle: '添加远程门户',
    name: '名称',
    namePlaceholder: '总部门户',
    url: '地址',
    urlPlaceholder: 'https://portal.example.com',
    nameRequired: '请为此门户命名（最多 80 个字符）。',
    urlInvalid: '请输入以 http:// 或 https:// 开头的完整地址，例如 https://portal.example.com。',
    add: '添加门户',
    cancel: '取消',
    selectFailed: '无法选择此门户。',
    unencryptedWarning: '此地址未加密（http://）：密码和您看到的所有内容都将以明文经网络传输。正式门户请使用 https://。',
    allowUnencrypted: '允许未加密连接（仅限测试）',
    unencryptedRequired: '指向其他计算机的 http:// 地址，只有勾选“允许未加密连接（仅限测试）”后才能保存。或者请使用 https://。',
    unencryptedAllowed: '未加密（仅限测试）',
    unencryptedRefused: '此门户保存的是未加密的 http:// 地址，PortalDesk 不会连接它。请将其移除后重新添加：使用 https://，或勾选“允许未加密连接（仅限测试）”。'
  },
  signIn: {
    title: '登录',
    login: '登录名',
    password: '密码',
    submit: '登录',
    loginRequired: '请输入登录名。',
    passwordRequired: '请输入密码。',
    noConnection: '请先选择或添加一个门户。',
  },
  users: {
    title: '管理用户',
    filterLabel: '显示',
    filterInternal: '内部用户',
    filterPortal: '门户用户',
    filterAll: '全部',
    searchLabel: '搜索用户',
    searchPlaceholder: '搜索姓名、登录名、电子邮件、电话或公司',
    searchShortcut: '按 / 或 Ctrl+F 搜索',
    clearSearch: '清除搜索',
    gridLabel: '用户',
    columns: {
      name: '姓名',
      login: '用户名',
      email: '电子邮件',
      company: '公司',
      website: '网站',
      kind: '类型',
      lastSignIn: '上次登录'
    },
    kind: {
      portal: '门户',
      internal: '内部'
    },
    never: '从未登录',
    archived: '已归档',
    empty: '没有与“{{q}}”匹配的用户。',
    emptyNoSearch: '这里还没有用户。',
    loadFailed: '无法加载用户。',
    loadedCount_one: '已加载 {{loaded}} / {{total}} 个用户',
    loadedCount_other: '已加载 {{loaded}} / {{total}} 个用户',
    loadingMore: '正在加载更多用户…',
    allLoaded_one: '已加载全部 {{total}} 个用户',
    allLoaded_other: '已加载全部 {{total}} 个用户'
  },
  userDetail: {
    back: '返回用户列表',
    loading: '正在加载用户…',
    notFoundTitle: '未找到用户',
    notFound: '不存在此编号的用户，该用户可能已被删除。',
    loadFailed: '无法加载该用户。',
    instant: '{{exact}}（{{relative}}）',
    fields: {
      name: '姓名',
      login: '用户名',
      email: '电子邮件',
      phone: '电话',
      company: '公司',
      website: '网站',
      kind: '类型',
      role: '角色',
      language: '语言',
      city: '城市',
      country: '国家/地区',
      active: '启用',
      lastSignIn: '上次登录',
      created: '创建时间',
      updated: '更新时间'
    },
    roles: {
      administrator: '管理员',
      support: '支持专员',
      user: '用户'
    },
    yes: '是',
    no: '否（已归档）',
    none: '—'
  },
  userPage: {
    tabsLabel: '用户页面的分区',
    tabs: {
      general: '常规',
      paymentMethods: '支付方式',
      activity: '活动'
    },
    forbiddenTitle: '您的角色无权查看',
    forbidden: '支持专员无法查看内部用户的安全信息，请联系管理员。',
    fields: {
      namePrefix: '称谓前缀',
      firstName: '名',
      middleName: '中间名',
      lastName: '姓',
      nameSuffix: '称谓后缀',
      otherEmails: '其他电子邮件',
      birthday: '生日',
      address: '地址',
      invoiceDelivery: '发票寄送方式',
      signInLock: '登录保护',
      twoFactor: '双因素认证',
      mustChangePassword: '下次登录时必须修改密码',
      pendingEmail: '邮箱地址更改'
    },
    invoiceDeliveries: {
      email: '电子邮件',
      postal: '邮寄'
    },
    lockedUntil: '锁定至 {{until}}',
    emailChangePending: '邮箱地址更改待确认：{{address}}，有效期至 {{until}}',
    locked: '已锁定',
    notLocked: '未锁定',
    twoFactorOn: '已启用',
    twoFactorOff: '未启用',
    yes: '是',
    no: '否',
    payments: {
      hint: '支付信息无法编辑，必须重新输入：需先删除该支付方式，再重新输入。',
      brand: '品牌',
      number: '卡号',
      expiry: '有效期',
      added: '添加时间',
      expired: '已过期',
      brands: {
        visa: 'Visa',
        mastercard: '万事达卡',
        amex: '美国运通',
        unionpay: '银联',
        discover: 'Discover',
        jcb: 'JCB',
        unknown: '其他银行卡'
      },
      loading: '正在加载支付方式…',
      loadFailed: '无法加载支付方式。',
      empty: '该用户没有已保存的支付方式。'
    },
    activity: {
      auditTitle: '审计记录',
      signInsTitle: '登录历史',
      filterLabel: '按操作筛选',
      allActions: '全部操作',
      by: '操作人：{{who}}',
      unknownActor: '未知',
      actorRoles: {
        administrator: '管理员',
        support: '支持专员',
        portal: '门户用户',
        system: '系统'
      },
      actorWithRole: '{{login}}（{{role}}）',
      ticketLine: '工单：{{ticket}}',
      reasonLine: '原因：{{reason}}',
      changes: '变更',
      changeSeparator: '：',
      loadingAudit: '正在加载审计记录…',
      auditFailed: '无法加载审计记录。',
      emptyAudit: '尚无关于该用户的记录。',
      emptyAuditFiltered: '该用户没有“{{action}}”记录。',
      showMore: '显示更早的记录',
      loadingMore: '正在加载更早的记录…',
      signIns: {
        time: '时间',
        ip: 'IP 地址',
        userAgent: '浏览器或设备',
        result: '结果',
        success: '成功',
        failure: '失败',
        loading: '正在加载登录历史…',
        loadFailed: '无法加载登录历史。',
        empty: '该用户尚未尝试登录。',
        unknown: '未知',
        reasons: {
          wrong_password: '密码错误',
          locked: '账户暂时锁定',
          ip_throttled: '该地址失败次数过多',
          reset_required: '需要重置密码',
          archived: '账户已归档',
          deleted: '账户已删除',
          not_eligible: '无权在此登录',
          otp_required: '缺少双重验证码',
          otp_invalid: '双重验证码错误',
          passkey_invalid: '通行密钥未被接受',
          reauth_wrong_password: '身份确认时密码错误'
        }
      }
    }
  },
  languages: {
    en: 'English',
    'zh-CN': '简体中文'
  },
  account: accountStrings['zh-CN'],
  actionDialog: actionDialogStrings['zh-CN'],
  password: passwordStrings['zh-CN'],
  roles: rolesStrings['zh-CN'],
  auditIntegrity: auditIntegrityStrings['zh-CN'],
  auditWords: auditWordsStrings['zh-CN'],
  mail: mailStrings['zh-CN'],
  security: securityStrings['zh-CN'],
  userForm: userFormStrings['zh-CN'],
  userGrid: userGridStrings['zh-CN'],
  companies: companiesStrings['zh-CN'],
  newUser: newUserStrings['zh-CN'],
  helpdesk: helpdeskStrings['zh-CN'],
  commandPalette: commandPaletteStrings['zh-CN'],
  deepLinks: deepLinksStrings['zh-CN'],
  refusals: refusalsStrings['zh-CN'],
  errors: errorMessagesIn('zh-CN'),
  errorDetails: '详细信息：{{details}}'
}
