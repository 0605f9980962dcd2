import { featureStrings } from '../feature-strings'

/** Strings of features/companies (both languages): Prim.io's contractor file and its Users subtab. */
export const companiesStrings = featureStrings(
  {
    nav: 'Companies',
    list: {
      title: 'Companies',
      searchLabel: 'Search companies',
      searchPlaceholder: 'Search by name or VAT number',
      clearSearch: 'Clear search',
      tableLabel: 'Companies',
      columns: {
        name: 'Name',
        vat: 'VAT number',
        country: 'Country',
        users: 'Users',
        documents: 'Documents'
      },
      locked: 'Documents exist: the country, company name and VAT number of its users are locked.',
      notLocked: 'No documents',
      loadMore: 'Load more companies',
      loading: 'Loading the companies…',
      loadFailed: 'The companies could not be loaded.',
      empty: 'No company matches “{{q}}”.',
      emptyNoSearch: 'There are no companies yet.',
      shown: 'Companies shown: {{count}}',
      allShown: 'All matching companies are shown ({{count}}).'
    },
    page: {
      back: 'Back to companies',
      loading: 'Loading the company…',
      loadFailed: 'The company could not be loaded.',
      notFoundTitle: 'Company not found',
      notFound: 'There is no company with this number.',
      tabsLabel: 'Sections of the company',
      tabs: {
        users: 'Users'
      },
      facts: {
        vat: 'VAT number',
        country: 'Country',
        documents: 'Documents',
        websites: 'Websites',
        users: 'Users'
      },
      none: '—',
      documentsCount: 'Invoices: {{invoices}} · Orders: {{orders}}',
      documentLock:
        'Invoices or orders were issued for this company, so its users’ country, the company name and the VAT number are locked. An administrator can unlock them from a user’s General tab, giving a reason.',
      noDocuments: 'None yet: the country, company name and VAT number can still be changed.',
      lockedTag: 'Locked by documents',
      noWebsites: 'This company has no portal website of its own: its users can be placed on any website.',
      moreUsers: 'The first {{shown}} of {{total}} users are listed here. Search Manage Users for the others.'
    },
    users: {
      tableLabel: 'Users of {{company}}',
      columns: {
        name: 'Name',
        username: 'Username',
        website: 'Website',
        actions: 'Actions'
      },
      edit: 'Edit',
      delete: 'Delete',
      editLabel: 'Edit the credentials of {{name}}',
      deleteLabel: 'Stop the portal access of {{name}}',
      status: {
        archived: 'No portal access',
        deleted: 'Deleted'
      },
      deletedHint: 'This account was deleted: nothing more can be done with it.',
      add: 'Add new user',
      empty: 'This company has no users yet. Add the first one.'
    },
    add: {
      title: 'Add new user',
      consequence: 'Creates a portal user of {{company}} who can sign in to the customer portal with this username and password at once.',
      name: 'Name',
      surname: 'Surname',
      username: 'Username',
      password: 'Password',
      confirm: 'Confirm',
      created: '{{name}} was created.'
    },
    edit: {
      title: 'Edit credentials',
      consequence:
        'Sets a new password and, if you change it, a new username. The user is signed out everywhere; from then on only the new username and password work.',
      username: 'Username',
      newPassword: 'New password',
      mustChange: 'User must change password at next sign-in',
      mustChangeSupport: 'Support agents set temporary passwords only: the user chooses their own at the next sign-in.',
      notify: 'Notify the user by email (the email never contains the password)',
      noEmail: 'This user has no email address, so no notification can be sent.',
      usernameAdminOnly: 'Only administrators can change a username.',
      archived: 'This user has no portal access at the moment: the new credentials work only once access is granted again.',
      openFullPage: 'Open full user page',
      loading: 'Loading the user…',
      loadFailed: 'The user could not be loaded.',
      confirm: 'Confirm',
      changed: 'The password of {{name}} was changed.',
      changedWithLogin: 'The username ({{login}}) and password of {{name}} were changed.'
    },
    stop: {
      title: 'Stop portal access',
      choice: 'What should happen?',
      consequenceRevoke: '{{name}} will no longer be able to sign in to the customer portal. This can be undone.',
      consequenceDelete: 'The account of {{name}} will be deleted for good. This cannot be undone.',
      revoke: 'Revoke portal access',
      revokeHint:
        'Reversible. The user can no longer sign in, is signed out everywhere, and pending invitation or reset links stop working. The account, its history and documents stay; access can be granted again later.',
      delete: 'Delete account',
      deleteHint:
        'Permanent. The username is freed; the password, sessions, passkeys, two-factor authentication, API keys and payment methods are removed. The audit trail is kept. This cannot be undone.',
      alreadyRevoked: 'This user has no portal access already: only deleting the account is left.',
      blocklist: 'Add the email and phone to the block list',
      confirmRevoke: 'Revoke access',
      confirmDelete: 'Delete account',
      revoked: 'The portal access of {{name}} was revoked.',
      deleted: 'The account of {{name}} was deleted.'
    }
  },
  {
    nav: '公司',
    list: {
      title: '公司',
      searchLabel: '搜索公司',
      searchPlaceholder: '按名称或税号搜索',
      clearSearch: '清除搜索',
      tableLabel: '公司',
      columns: {
        name: '名称',
        vat: '税号',
        country: '国家/地区',
        users: '用户',
        documents: '单据'
      },
      locked: '已有单据：其用户的国家/地区、公司名称和税号已锁定。',
      notLocked: '无单据',
      loadMore: '加载更多公司',
      loading: '正在加载公司…',
      loadFailed: '无法加载公司。',
      empty: '没有与“{{q}}”匹配的公司。',
      emptyNoSearch: '尚无公司。',
      shown: '已显示的公司：{{count}}',
      allShown: '已显示全部匹配的公司（{{count}}）。'
    },
    page: {
      back: '返回公司列表',
      loading: '正在加载公司…',
      loadFailed: '无法加载该公司。',
      notFoundTitle: '未找到公司',
      notFound: '没有此编号的公司。',
      tabsLabel: '公司的各个部分',
      tabs: {
        users: '用户'
      },
      facts: {
        vat: '税号',
        country: '国家/地区',
        documents: '单据',
        websites: '网站',
        users: '用户'
      },
      none: '—',
      documentsCount: '发票：{{invoices}} · 订单：{{orders}}',
      documentLock: '已为该公司开具发票或订单，因此其用户的国家/地区、公司名称和税号已锁定。管理员可在用户的“常规”选项卡中填写原因后解锁。',
      noDocuments: '暂无：国家/地区、公司名称和税号仍可更改。',
      lockedTag: '已因单据锁定',
      noWebsites: '该公司没有自己的门户网站：其用户可以分配到任何网站。',
      moreUsers: '此处列出 {{total}} 个用户中的前 {{shown}} 个。其余用户请在“管理用户”中搜索。'
    },
    users: {
      tableLabel: '{{company}} 的用户',
      columns: {
        name: '姓名',
        username: '用户名',
        website: '网站',
        actions: '操作'
      },
      edit: '编辑',
      delete: '删除',
      editLabel: '编辑 {{name}} 的登录凭据',
      deleteLabel: '停止 {{name}} 的门户访问',
      status: {
        archived: '无门户访问权限',
        deleted: '已删除'
      },
      deletedHint: '该账户已删除：无法再对其执行任何操作。',
      add: '添加新用户',
      empty: '该公司还没有用户。请添加第一个用户。'
    },
    add: {
      title: '添加新用户',
      consequence: '为 {{company}} 创建一个门户用户，该用户可立即使用此用户名和密码登录客户门户。',
      name: '名',
      surname: '姓',
      username: '用户名',
      password: '密码',
      confirm: '确认',
      created: '已创建 {{name}}。'
    },
    edit: {
      title: '编辑登录凭据',
      consequence: '设置新密码；如您更改了用户名，也会设置新用户名。该用户将在所有设备上退出登录，此后只有新的用户名和密码有效。',
      username: '用户名',
      newPassword: '新密码',
      mustChange: '用户下次登录时必须更改密码',
      mustChangeSupport: '支持专员只能设置临时密码：用户下次登录时将自行设置密码。',
      notify: '通过电子邮件通知用户（邮件中绝不包含密码）',
      noEmail: '该用户没有电子邮件地址，因此无法发送通知。',
      usernameAdminOnly: '只有管理员可以更改用户名。',
      archived: '该用户目前没有门户访问权限：新的登录凭据要在重新授予访问权限后才能使用。',
      openFullPage: '打开完整的用户页面',
      loading: '正在加载用户…',
      loadFailed: '无法加载该用户。',
      confirm: '确认',
      changed: '已更改 {{name}} 的密码。',
      changedWithLogin: '已更改 {{name}} 的用户名（{{login}}）和密码。'
    },
    stop: {
      title: '停止门户访问',
      choice: '要执行什么操作？',
      consequenceRevoke: '{{name}} 将无法再登录客户门户。此操作可以撤回。',
      consequenceDelete: '{{name}} 的账户将被永久删除。此操作无法撤消。',
      revoke: '撤销门户访问权限',
      revokeHint: '可撤回。该用户将无法再登录，并在所有设备上退出登录，待处理的邀请或重置链接也将失效。账户、其历史记录和单据均会保留；之后可以重新授予访问权限。',
      delete: '删除账户',
      deleteHint: '永久操作。用户名将被释放；密码、会话、通行密钥、双因素认证、API 密钥和支付方式都将被删除。审计记录会保留。此操作无法撤消。',
      alreadyRevoked: '该用户已没有门户访问权限：只能删除账户。',
      blocklist: '将电子邮件和电话加入阻止列表',
      confirmRevoke: '撤销访问权限',
      confirmDelete: '删除账户',
      revoked: '已撤销 {{name}} 的门户访问权限。',
      deleted: '已删除 {{name}} 的账户。'
    }
  }
)
