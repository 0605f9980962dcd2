// src/shared compiles without Node or DOM typings so that neither can creep in. The WHATWG URL class
// exists in every runtime we target (Node, Chromium, Electron), so it alone is declared here.
declare class URL {
  constructor(url: string, base?: string)
  readonly protocol: string
  readonly username: string
  readonly password: string
  readonly hostname: string
  readonly host: string
  readonly hash: string
  readonly origin: string
}

// As is URLSearchParams, the one reader of `a=1&b=2` (percent-decoding, `+` as a space) the link parser relies on.
declare class URLSearchParams {
  constructor(init?: string)
  set(name: string, value: string): void
  toString(): string
  [Symbol.iterator](): IterableIterator<[string, string]>
}
