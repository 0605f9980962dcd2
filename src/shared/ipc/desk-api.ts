import { DeskError, type DeskErrorShape } from '../errors'
import { channelNames, type ChannelInput, type ChannelName, type ChannelOutput } from './channels'

/** What crosses the bridge: IPC drops error classes, so failures travel as data. */
export type DeskResult<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape }

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S
type NamespaceOf<C extends string> = C extends `${infer N}:${string}` ? N : never
type ActionOf<C extends string> = C extends `${string}:${infer A}` ? A : never
type Namespaces = NamespaceOf<ChannelName>
type ChannelsIn<N extends string> = Extract<ChannelName, `${N}:${string}`>

type Call<C extends ChannelName, R> = [ChannelInput<C>] extends [void] ? () => Promise<R> : (input: ChannelInput<C>) => Promise<R>

/** `window.desk` as the preload exposes it: narrow functions that resolve to a DeskResult. */
export type DeskBridge = {
  [N in Namespaces]: { [C in ChannelsIn<N> as CamelCase<ActionOf<C>>]: Call<C, DeskResult<ChannelOutput<C>>> }
}

/** The same functions for renderer code: they resolve to the value or reject with a DeskError. */
export type DeskClient = {
  [N in Namespaces]: { [C in ChannelsIn<N> as CamelCase<ActionOf<C>>]: Call<C, ChannelOutput<C>> }
}

export type Invoke = (channel: ChannelName, input: unknown) => Promise<DeskResult<unknown>>

export function methodName(channel: ChannelName): { namespace: string; method: string } {
  const [namespace = '', action = ''] = channel.split(':')
  return { namespace, method: action.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()) }
}

/** The sections of `window.desk` (`users`, `security`, …), derived from the channel map: one per channel namespace. */
export const deskSections: readonly string[] = [...new Set(channelNames.map((channel) => methodName(channel).namespace))].sort()

function buildTree<F>(makeFunction: (channel: ChannelName) => F): Record<string, Record<string, F>> {
  const tree: Record<string, Record<string, F>> = {}
  for (const channel of channelNames) {
    const { namespace, method } = methodName(channel)
    tree[namespace] ??= {}
    tree[namespace][method] = makeFunction(channel)
  }
  return tree
}

/** Builds `window.desk` over any transport (ipcRenderer.invoke in the preload, fetch in the browser host). */
export function buildDeskBridge(invoke: Invoke): DeskBridge {
  return buildTree((channel) => (input?: unknown) => invoke(channel, input)) as unknown as DeskBridge
}

/** Wraps the bridge so that callers get values and thrown DeskErrors. */
export function buildDeskClient(bridge: DeskBridge): DeskClient {
  const raw = bridge as unknown as Record<string, Record<string, (input?: unknown) => Promise<DeskResult<unknown>>>>
  return buildTree((channel) => {
    const { namespace, method } = methodName(channel)
    return async (input?: unknown) => {
      const call = raw[namespace]?.[method]
      if (!call) throw new DeskError('INTERNAL', `The desk bridge has no ${channel} channel.`)
      const result = await call(input)
      if (result.ok) return result.value
      throw DeskError.fromShape(result.error)
    }
  }) as unknown as DeskClient
}
