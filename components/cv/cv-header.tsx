import type { CvLink, Profile } from '@/lib/content'
import { formatMonthYear, isoDay } from '@/lib/utils'
import { PrintLink } from './print-link'

type CvHeaderProps = { profile: Profile; links: CvLink[] }

/** Who, what, where, how to reach them: the email stays spelled out, as on the profile. */
export function CvHeader({ profile, links }: CvHeaderProps) {
  return (
    <header className="space-y-2">
      <h1 className="text-3xl font-bold tracking-tight text-zinc-950 sm:text-4xl dark:text-white">{profile.name}</h1>
      <p className="text-lg text-zinc-800 dark:text-zinc-200">
        {profile.role} at {profile.employer}
      </p>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">Email: {profile.obfuscatedEmail}</p>
      {links.length > 0 && (
        <ul aria-label="Elsewhere" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {links.map((link) => (
            <li key={link.url}>
              <PrintLink href={link.url} printUrl={link.url}>
                {link.label}
              </PrintLink>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        CV: As of <time dateTime={isoDay(profile.cvAsOf).slice(0, 7)}>{formatMonthYear(profile.cvAsOf)}</time>
      </p>
    </header>
  )
}
