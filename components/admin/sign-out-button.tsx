'use client'

import { signOut } from 'next-auth/react'
import { useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

export function SignOutButton() {
  // Disabled until hydrated: a click before then would do nothing at all.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false)
  return (
    <button
      type="button"
      disabled={!hydrated}
      onClick={() => signOut({ callbackUrl: '/sign-in' })}
      className="rounded-md border border-zinc-400 px-3 py-1.5 font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-600 dark:hover:bg-zinc-800"
    >
      Sign out
    </button>
  )
}
