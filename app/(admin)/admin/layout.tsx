import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { AdminHeader } from '@/components/admin/admin-header'
import { AdminUnavailable } from '@/components/admin/admin-unavailable'
import { requireAuthor, type Author } from '@/lib/auth'
import { RedisUnavailableError } from '@/lib/redis/connect.mjs'

export const metadata: Metadata = {
  title: { default: 'Admin', template: '%s · Admin' },
  robots: { index: false, follow: false },
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  let author: Author
  try {
    author = await requireAuthor()
  } catch (error) {
    if (!(error instanceof RedisUnavailableError)) throw error
    console.error(`The admin is unavailable: ${error.message}`)
    return <AdminUnavailable />
  }
  return (
    <div className="group/admin flex flex-1 flex-col">
      <AdminHeader authorName={author.name} />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 has-[[data-editor]]:max-w-[112rem] has-[[data-editor]]:pt-0">
        {children}
      </main>
    </div>
  )
}
