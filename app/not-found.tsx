import type { Metadata } from 'next'
import Link from 'next/link'
import { SiteChrome } from '@/components/site/site-chrome'

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } }

export default function NotFound() {
  return (
    <SiteChrome>
      <div className="space-y-4">
        <p className="text-sm font-semibold text-sky-800 dark:text-sky-300">404</p>
        <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          There is nothing at this address. It may have moved, or the link may have a typo.
        </p>
        <p className="flex flex-wrap gap-4">
          <Link href="/notes" className="text-sky-800 underline dark:text-sky-300">
            Browse all notes
          </Link>
          <Link href="/" className="text-sky-800 underline dark:text-sky-300">
            Go to the home page
          </Link>
        </p>
      </div>
    </SiteChrome>
  )
}
