import type { ReactNode } from 'react'
import { SiteChrome } from '@/components/site/site-chrome'

// A CDN may keep a public page this many seconds, then serve it stale while it asks again
// (lib/cache/cache-policy.mjs, which Next cannot read here: it wants a literal). This server shows
// a publish at once; a CDN within the minute, or at once with CDN_PURGE_URL.
export const revalidate = 60

export default function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>
}
