import Link from 'next/link'
import { ThemeToggle } from '@/components/site/theme-toggle'
import { SignOutButton } from './sign-out-button'

export function AdminHeader({ authorName }: { authorName: string }) {
  return (
    <header className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 group-has-[[data-editor]]/admin:max-w-[112rem] sm:px-6">
        <nav aria-label="Admin" className="flex flex-wrap items-center gap-4 text-sm">
          <span className="font-semibold text-zinc-950 dark:text-white">Admin</span>
          <Link href="/admin" className="text-zinc-700 hover:underline dark:text-zinc-300">
            Notes
          </Link>
          <Link href="/admin/notes/new" className="text-zinc-700 hover:underline dark:text-zinc-300">
            New note
          </Link>
          <Link href="/" className="text-zinc-700 hover:underline dark:text-zinc-300">
            View site
          </Link>
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span className="hidden text-zinc-700 md:inline dark:text-zinc-300">
            Signed in as <strong className="text-zinc-950 dark:text-white">{authorName}</strong>
          </span>
          <ThemeToggle />
          <SignOutButton />
        </div>
      </div>
    </header>
  )
}
