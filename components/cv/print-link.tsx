import Link from 'next/link'
import type { ReactNode } from 'react'
import { cx } from '@/lib/utils'

type PrintLinkProps = { href: string; printUrl: string; className?: string; children: ReactNode }

/** A link whose full address is written after it on paper (globals.css, `a[data-print-url]`). */
export function PrintLink({ href, printUrl, className, children }: PrintLinkProps) {
  return (
    <Link href={href} data-print-url={printUrl} className={cx('min-w-0 text-sky-800 underline wrap-anywhere dark:text-sky-300', className)}>
      {children}
    </Link>
  )
}
