/** A signed-in portal user acting on their own account, as every /me service receives it. */
export interface PortalActor {
  userId: number
  login: string
  sessionId: string
  ip: string | null
  userAgent: string | null
  /** The server's time at the start of the request. */
  now: Date
}
