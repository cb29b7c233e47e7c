'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { requireAuthorForAction, signOutEverywhere } from '@/lib/auth'

/** Ends every session of the author, this one included (a lost laptop, a shared computer). */
export async function signOutEverywhereAction(): Promise<void> {
  await requireAuthorForAction(await headers())
  await signOutEverywhere()
  redirect('/sign-in')
}
