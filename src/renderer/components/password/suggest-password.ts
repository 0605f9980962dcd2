import { suggestPassword as suggestFrom } from '../../../shared/suggest-password'

export { suggestedPasswordLength } from '../../../shared/suggest-password'

/** "Suggest password" in the desk: the shared generator over the platform CSPRNG. */
export function suggestPassword(): string {
  return suggestFrom((buffer) => crypto.getRandomValues(buffer))
}
