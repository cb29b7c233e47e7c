import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { AdminHeader } from '@/components/admin/admin-header'
import { requireAuthor } from '@/lib/auth'

export const metadata: Metadata = {
  title: { default: 'Admin', template: '%s · Admin' },
  robots: { index: false, follow: false },
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const author = await requireAuthor()
  return (
    <>
      <AdminHeader authorName={author.name} />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </>
  )
}
