// Loaded into Electron's installer (node --require): its error output is `err.stack`, and a failed
// fetch() says only "fetch failed", keeping the reason (connection refused, no DNS, TLS) in
// err.cause. This puts the reason into the stack it prints, so `npm start` can say why.
const fetchKeepingCause = globalThis.fetch

/** @param {unknown} cause */
function describeCause(cause) {
  if (cause instanceof AggregateError && cause.errors.length > 0) return cause.errors.map(describeCause).join('; ')
  if (cause instanceof Error) return cause.message || String(/** @type {{ code?: unknown }} */ (cause).code ?? cause.name)
  return String(cause)
}

globalThis.fetch = async (...args) => {
  try {
    return await fetchKeepingCause(...args)
  } catch (error) {
    if (error instanceof Error && error.cause !== undefined) {
      error.stack = `${error.name}: ${error.message} (${describeCause(error.cause)})\n${(error.stack ?? '').split('\n').slice(1).join('\n')}`
    }
    throw error
  }
}
