import Link from 'next/link'
import { siteConfig } from '@/lib/site'

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 print:hidden dark:border-zinc-800">
      <div className="mx-auto max-w-3xl px-4 py-8 text-sm text-zinc-600 sm:px-6 dark:text-zinc-400">
        <p className="flex flex-wrap justify-between gap-2">
          <span>© {siteConfig.name}. Notes on machine learning, PyTorch and CUDA.</span>
          <Link href="/subscribe" className="text-sky-800 underline dark:text-sky-300">
            Subscribe by RSS
          </Link>
        </p>
      </div>
    </footer>
  )
}
