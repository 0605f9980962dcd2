/**
 * The actions the portal server records about a user, for the Activity tab's filter. They are
 * identifiers; the desk shows each in words (`auditWords.actions`, which must cover every one).
 */
export const userAuditActions = [
  'user.create',
  'user.update',
  'user.archive',
  'user.restore',
  'user.delete',
  'account.delete',
  'profile.update',
  'email.confirm',
  'email.undoChange',
  'avatar.set',
  'avatar.remove',
  'password.set',
  'password.change',
  'password.reset',
  'password.invitationAccept',
  'password.resetLink',
  'password.resetLinkRevoke',
  'password.requireReset',
  'twoFactor.invite',
  'twoFactor.enable',
  'twoFactor.disable',
  'passkey.add',
  'passkey.rename',
  'passkey.remove',
  'passkey.revoke',
  'sessions.revoke',
  'apiKey.create',
  'apiKey.revoke',
  'lock.unlock',
  'signIn.locked',
  'portalAccess.grant',
  'portalAccess.revoke',
  'portalAccess.reinvite',
  'paymentMethod.add',
  'paymentMethod.delete',
  'username.remind',
  'verification.codeSent',
  'verification.passed',
  'verification.failed'
] as const

export type UserAuditAction = (typeof userAuditActions)[number]

export function isUserAuditAction(action: string): action is UserAuditAction {
  return (userAuditActions as readonly string[]).includes(action)
}
