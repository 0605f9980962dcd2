import type { ChannelName, ChannelOutput, ParsedChannelInput } from '../../shared/ipc/channels'

/** One handler per channel: it receives the parsed input and resolves to the channel's output. */
export type ChannelHandler<C extends ChannelName> = (input: ParsedChannelInput<C>) => Promise<ChannelOutput<C>>

/** The map that Electron's ipcMain and the browser host both serve; a missing channel is a compile error. */
export type HandlerTable = { readonly [C in ChannelName]: ChannelHandler<C> }
