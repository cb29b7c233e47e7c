/** GitHub sign-in admits only logins on the allow-list (comma-separated, case-insensitive). */
export function isAllowedGitHubLogin(login: string | null | undefined, allowList: string | undefined): boolean {
  if (!login || !allowList) return false
  const allowed = allowList.split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean)
  return allowed.includes(login.trim().toLowerCase())
}
