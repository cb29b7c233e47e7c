import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/auth/sign-in-form'
import { getAuthor } from '@/lib/auth'
import { githubSignInEnabled } from '@/lib/auth/config'
import { safeCallbackPath } from '@/lib/auth/redirect'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false, follow: false } }

type SignInPageProps = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams
  const callbackPath = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined)
  if (await getAuthor()) redirect(callbackPath)
  const error = typeof params.error === 'string' ? params.error : undefined
  const errorMessage =
    error === 'AccessDenied' ? 'That GitHub account may not sign in here.' : error ? 'Sign-in failed. Try again.' : undefined

  return (
    <div className="mx-auto max-w-sm space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
        <p className="text-zinc-700 dark:text-zinc-300">The admin area is for the author only.</p>
      </header>
      {errorMessage && (
        <p role="alert" className="rounded-md border border-red-700/40 bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {errorMessage}
        </p>
      )}
      <SignInForm callbackPath={callbackPath} github={githubSignInEnabled()} />
    </div>
  )
}
