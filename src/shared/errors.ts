/**
 * Every failure that crosses a process boundary carries one of these codes. The server sends them in
 * `{ error: { code, message, details? } }`; the desk turns everything into a DeskError with the same
 * codes, and the renderer shows the message for the code in the operator's language.
 */
export const errorCodes = [
  'VALIDATION',
  'INVALID_CREDENTIALS',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'REAUTH_REQUIRED',
  'TWO_FACTOR_REQUIRED',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'DOCUMENT_LOCKED',
  'RATE_LIMITED',
  'UNREACHABLE',
  'SERVER',
  'UNAVAILABLE',
  'PORTAL_START_FAILED',
  'INTERNAL'
] as const

export type ErrorCode = (typeof errorCodes)[number]

export type Locale = 'en' | 'zh-CN'
export const locales: readonly Locale[] = ['en', 'zh-CN']

export const errorMessages: Record<ErrorCode, Record<Locale, string>> = {
  VALIDATION: {
    en: 'Some of the values are not valid. Check the highlighted fields.',
    'zh-CN': '部分输入无效，请检查标出的字段。'
  },
  INVALID_CREDENTIALS: {
    en: 'Wrong login or password.',
    'zh-CN': '登录名或密码错误。'
  },
  UNAUTHORIZED: {
    en: 'Your session has ended. Please sign in again.',
    'zh-CN': '您的会话已结束，请重新登录。'
  },
  FORBIDDEN: {
    en: 'Your role does not allow this action.',
    'zh-CN': '您的角色无权执行此操作。'
  },
  REAUTH_REQUIRED: {
    en: 'This action needs a recent identity check. Confirm your password to continue.',
    'zh-CN': '此操作需要重新验证身份，请确认您的密码后继续。'
  },
  TWO_FACTOR_REQUIRED: {
    en: 'This portal requires administrators to use two-factor authentication. Set it up under My account to continue.',
    'zh-CN': '此门户要求管理员使用双重身份验证。请在“我的账户”中完成设置后继续。'
  },
  PASSWORD_CHANGE_REQUIRED: {
    en: 'You signed in with a temporary password. Choose a new password to continue.',
    'zh-CN': '您使用临时密码登录。请先设置新密码再继续。'
  },
  NOT_FOUND: {
    en: 'The requested record does not exist.',
    'zh-CN': '请求的记录不存在。'
  },
  CONFLICT: {
    en: 'Someone else changed this record in the meantime. Reload it and try again.',
    'zh-CN': '该记录已被他人修改，请重新加载后再试。'
  },
  DOCUMENT_LOCKED: {
    en: 'Invoices or orders were already issued for this company, so its country, name and VAT number can no longer change. Contact an administrator to change them.',
    'zh-CN': '该公司已开具发票或订单，国家/地区、公司名称和税号不能再更改。如需更改，请联系管理员。'
  },
  RATE_LIMITED: {
    en: 'Too many attempts. Wait a moment and try again.',
    'zh-CN': '尝试次数过多，请稍后再试。'
  },
  UNREACHABLE: {
    en: 'The portal server cannot be reached. Check the address and that the server is running.',
    'zh-CN': '无法连接门户服务器。请检查地址，并确认服务器正在运行。'
  },
  SERVER: {
    en: 'The portal server could not complete the request. Try again later.',
    'zh-CN': '门户服务器无法完成该请求，请稍后再试。'
  },
  UNAVAILABLE: {
    en: 'The portal database is not available right now. Try again in a moment.',
    'zh-CN': '门户数据库暂时不可用，请稍后再试。'
  },
  PORTAL_START_FAILED: {
    en: 'The embedded portal could not start.',
    'zh-CN': '内置门户无法启动。'
  },
  INTERNAL: {
    en: 'Something went wrong inside PortalDesk. Try again.',
    'zh-CN': 'PortalDesk 内部出错，请重试。'
  }
}

/** One problem with one input field; `path` is dot-separated (`"url"`, `"items.0.email"`). */
export interface FieldIssue {
  path: string
  message: string
  /** A stable camelCase name of the refusal, for a client that words it itself. */
  reason?: string
}

/** The plain-object form that survives structured clone (IPC) and JSON (HTTP). */
export interface DeskErrorShape {
  code: ErrorCode
  message: string
  details?: FieldIssue[] | Record<string, unknown>
}

export class DeskError extends Error {
  readonly code: ErrorCode
  readonly details: DeskErrorShape['details']

  constructor(code: ErrorCode, message?: string, details?: DeskErrorShape['details']) {
    super(message ?? errorMessages[code].en)
    this.name = 'DeskError'
    this.code = code
    this.details = details
  }

  toShape(): DeskErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }

  static fromShape(shape: DeskErrorShape): DeskError {
    return new DeskError(shape.code, shape.message, shape.details)
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value)
}

export function isDeskError(value: unknown): value is DeskError {
  return value instanceof DeskError
}

/** Field issues, when the details hold them (VALIDATION errors). */
export function fieldIssues(details: DeskErrorShape['details']): FieldIssue[] {
  if (!Array.isArray(details)) return []
  return details.filter(
    (d): d is FieldIssue => typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string'
  )
}
