const PROBE_ORIGIN = 'http://same-site.invalid'

/**
 * Where to go after signing in: only a path on this site, never another origin, a
 * protocol-relative `//host`, or a backslash or control-character trick a browser reads as one.
 */
export function safeCallbackPath(value: string | null | undefined, fallback = '/admin'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return fallback
  if (value.includes('\\') || /[\u0000-\u001f\u007f]/.test(value)) return fallback
  const parsed = new URL(value, PROBE_ORIGIN)
  // Judge the normalised path too: "/.//evil.example" and "/a/..//evil.example" become "//evil.example".
  if (parsed.origin !== PROBE_ORIGIN || parsed.pathname.startsWith('//')) return fallback
  return `${parsed.pathname}${parsed.search}${parsed.hash}`
}

/** For next-auth's redirect callback: URLs on this origin only. */
export function sameOriginUrl(url: string, baseUrl: string): string {
  if (url.startsWith('/')) return `${baseUrl}${safeCallbackPath(url)}`
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url
  } catch {
    // not a URL: fall through
  }
  return `${baseUrl}/admin`
}
