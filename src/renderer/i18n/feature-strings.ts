/** The same keys as `T`, each with a string: what a translation of `T` must provide. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }

/**
 * One feature's strings in both languages, side by side in one file; TypeScript refuses a Chinese
 * tree whose keys differ from the English one. en.ts and zh-CN.ts mount each under the feature's key.
 */
export function featureStrings<const T>(en: T, zhCN: Shape<T>): { en: T; 'zh-CN': Shape<T> } {
  return { en, 'zh-CN': zhCN }
}
