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
