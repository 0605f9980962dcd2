/**
 * The actions the portal server records about a user, for the Activity tab's filter. They are
 * identifiers (shown as written, like in the server's audit log), not sentences to translate.
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
  'paymentMethod.delete'
] as const
