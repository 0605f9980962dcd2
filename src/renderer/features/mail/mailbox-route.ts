/** The Local mailbox screen's route, spelled once (the router, the palette and the mail notices use it). */
export const mailboxRoute = '/mailbox'
