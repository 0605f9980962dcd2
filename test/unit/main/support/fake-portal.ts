import { randomBytes } from 'node:crypto'
import { json, startTestServer, type TestServer } from './http-server'

const admin = { id: 1, login: 'admin', name: 'Local Administrator', role: 'administrator' as const }
const support = { id: 3, login: 'support', name: 'Sam Support', role: 'support' as const }
type Operator = typeof admin | typeof support
const operators = new Map<string, Operator>([
  [admin.login, admin],
  [support.login, support]
])
const portalUser = {
  id: 2,
  kind: 'portal' as const,
  login: 'li.wei',
  name: 'Li Wei',
  email: 'li.wei@example.com',
  phone: null,
  company: 'Acme',
  website: 'acme.example.com',
  active: true,
  lastSignInAt: null,
  version: 1
}

export interface FakePortal extends TestServer {
  port: number
  /** Tokens the server currently accepts. */
  tokens: Set<string>
  /** Tokens revoked through /auth/logout. */
  loggedOut: string[]
  password: string
  /** The operators signed in with a temporary password: only who am I and sign-out answer, the rest is 403 PASSWORD_CHANGE_REQUIRED. */
  mustChangePassword: boolean
  /** The device token each sign-in presented (undefined: none), in order. */
  presentedDeviceTokens: (string | undefined)[]
}

/** Just enough of the portal API (auth and users) for the session service, over real HTTP; `admin` and `support` share one password. */
export async function startFakePortal(password: string): Promise<FakePortal> {
  const tokens = new Set<string>()
  const operatorOf = new Map<string, Operator>()
  const loggedOut: string[] = []
  const presentedDeviceTokens: (string | undefined)[] = []
  const deviceTokens = new Map<string, string>()
  const server = await startTestServer((request, response, body) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const bearer = request.headers.authorization?.replace(/^Bearer /, '')
    const signedIn = bearer !== undefined && tokens.has(bearer)
    const unauthorized = () => json(response, 401, { error: { code: 'UNAUTHORIZED', message: 'Sign in.' } })

    if (path === '/api/v1/auth/login' && request.method === 'POST') {
      const credentials = JSON.parse(body || '{}') as { login?: string; password?: string; deviceToken?: string }
      presentedDeviceTokens.push(credentials.deviceToken)
      const operator = operators.get(credentials.login ?? '')
      if (!operator || credentials.password !== fake.password) {
        return json(response, 401, { error: { code: 'INVALID_CREDENTIALS', message: 'Wrong login or password.' } })
      }
      const token = randomBytes(32).toString('base64url')
      tokens.add(token)
      operatorOf.set(token, operator)
      // Like the portal: a valid device token of this operator comes back; otherwise a new one.
      const known = credentials.deviceToken !== undefined && deviceTokens.get(credentials.deviceToken) === operator.login
      const deviceToken = known ? (credentials.deviceToken as string) : randomBytes(32).toString('base64url')
      deviceTokens.set(deviceToken, operator.login)
      return json(response, 200, { token, expiresAt: '2099-01-01T00:00:00.000Z', operator, deviceToken })
    }
    if (path === '/api/v1/auth/logout' && request.method === 'POST') {
      if (!signedIn) return unauthorized()
      tokens.delete(bearer)
      loggedOut.push(bearer)
      return json(response, 200, {})
    }
    if (!signedIn) return unauthorized()
    const operator = operatorOf.get(bearer) ?? admin
    if (path === '/api/v1/auth/me') return json(response, 200, fake.mustChangePassword ? { ...operator, passwordChangeRequired: true } : operator)
    if (fake.mustChangePassword) return json(response, 403, { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choose a new password.', details: { reason: 'passwordChangeRequired' } } })
    if (path === '/api/v1/users') return json(response, 200, { items: [portalUser], nextCursor: null, facets: { kind: { portal: 1, internal: 1 } } })
    return json(response, 404, { error: { code: 'NOT_FOUND', message: 'No such user.' } })
  })
  const fake: FakePortal = { ...server, port: Number(new URL(server.url).port), tokens, loggedOut, password, mustChangePassword: false, presentedDeviceTokens }
  return fake
}
