import Image from 'next/image'
import Link from 'next/link'
import type { Profile } from '@/lib/content'
import { formatMonthYear, isoDay } from '@/lib/utils'

export function ProfileHeader({ profile }: { profile: Profile }) {
  return (
    <header className="flex flex-col gap-6 sm:flex-row sm:items-center">
      <Image
        src={profile.avatar}
        alt={profile.avatarAlt}
        width={128}
        height={128}
        priority
        className="size-28 shrink-0 rounded-full bg-zinc-100 object-cover sm:size-32 dark:bg-zinc-800"
      />
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 sm:text-4xl dark:text-white">{profile.name}</h1>
        <p className="text-lg text-zinc-800 dark:text-zinc-200">
          {profile.role} at {profile.employer}
        </p>
        <p className="text-sm">
          <Link href="/cv" className="text-sky-800 underline dark:text-sky-300">
            CV as of <time dateTime={isoDay(profile.cvAsOf).slice(0, 7)}>{formatMonthYear(profile.cvAsOf)}</time>
          </Link>
        </p>
      </div>
    </header>
  )
}
