'use client'

import { signIn } from 'next-auth/react'
import { useState, type FormEvent } from 'react'

type SignInFormProps = { callbackPath: string; github: boolean }

function errorText(code: string): string {
  const limited = /^RateLimited:(\d+)$/.exec(code)
  if (limited) {
    const minutes = Math.max(1, Math.ceil(Number(limited[1]) / 60))
    return `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
  }
  if (code === 'Unavailable') return 'Signing in is unavailable for a moment: the server cannot reach where sessions are kept. Try again shortly.'
  return 'Email or password is incorrect.'
}

const fieldClass =
  'mt-1 block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 text-zinc-950 dark:border-zinc-600 dark:bg-zinc-900 dark:text-white'

export function SignInForm({ callbackPath, github }: SignInFormProps) {
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setPending(true)
    setError(null)
    const result = await signIn('credentials', {
      email: form.get('email'),
      password: form.get('password'),
      redirect: false,
      callbackUrl: callbackPath,
    })
    setPending(false)
    if (result?.ok && !result.error) {
      window.location.assign(callbackPath)
      return
    }
    setError(errorText(result?.error ?? ''))
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-4" noValidate={false}>
        <label className="block text-sm font-medium">
          Email
          <input name="email" type="email" autoComplete="username" required className={fieldClass} />
        </label>
        <label className="block text-sm font-medium">
          Password
          <input name="password" type="password" autoComplete="current-password" required maxLength={1024} className={fieldClass} />
        </label>
        {error && (
          <p role="alert" className="rounded-md border border-red-700/40 bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 disabled:opacity-60 dark:bg-sky-300 dark:text-zinc-950"
        >
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {github && (
        <button
          type="button"
          onClick={() => signIn('github', { callbackUrl: callbackPath })}
          className="w-full rounded-md border border-zinc-400 px-4 py-2 font-medium hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
        >
          Sign in with GitHub
        </button>
      )}
    </div>
  )
}
