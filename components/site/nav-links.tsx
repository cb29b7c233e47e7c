'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import type { NavItem } from '@/lib/site'
import { cx } from '@/lib/utils'

function isCurrent(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`)
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname()
  return (
    <ul className="flex flex-wrap items-center gap-x-1 gap-y-1 text-sm">
      {items.map((item) => {
        const current = isCurrent(pathname, item.href)
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? 'page' : undefined}
              className={cx(
                'rounded-md px-2 py-2 hover:bg-zinc-100 dark:hover:bg-zinc-800',
                current ? 'font-semibold text-zinc-950 dark:text-white' : 'text-zinc-700 dark:text-zinc-300',
              )}
            >
              {item.label}
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
