import Link from 'next/link'
import { siteConfig } from '@/lib/site'
import { SearchTrigger } from '@/components/search/search-trigger'
import { NavLinks } from './nav-links'
import { ThemeToggle } from './theme-toggle'

export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 print:hidden dark:border-zinc-800">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
        <Link href="/" className="rounded-md py-2 font-semibold tracking-tight text-zinc-950 dark:text-white">
          {siteConfig.name}
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          <NavLinks items={siteConfig.nav} />
          <SearchTrigger />
          <ThemeToggle />
        </nav>
      </div>
    </header>
  )
}
