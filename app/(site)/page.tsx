import Link from 'next/link'
import { MdxContent } from '@/components/mdx/mdx-content'
import { NoteList } from '@/components/notes/note-list'
import { ContactEmail } from '@/components/profile/contact-email'
import { ProblemList } from '@/components/profile/problem-list'
import { ProfileHeader } from '@/components/profile/profile-header'
import { JsonLd } from '@/components/site/json-ld'
import { getCv, getLatestNotes, getProblems, getProfile } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { siteConfig } from '@/lib/site'
import { personJsonLd } from '@/lib/structured-data/person'

const LATEST_NOTES = 3

export const metadata = pageMetadata({ description: siteConfig.description, path: '/' })

export default function HomePage() {
  const profile = getProfile()
  const problems = getProblems()
  const latest = getLatestNotes(LATEST_NOTES)

  return (
    <div className="space-y-12">
      <JsonLd data={personJsonLd(profile, getCv(), siteConfig.url)} />
      <ProfileHeader profile={profile} />

      <section aria-labelledby="about-heading" className="space-y-3">
        <h2 id="about-heading" className="text-xl font-semibold tracking-tight">
          About me
        </h2>
        <div className="prose prose-zinc max-w-none dark:prose-invert">
          <MdxContent code={profile.code} />
        </div>
      </section>

      <section aria-labelledby="problems-heading" className="space-y-4">
        <h2 id="problems-heading" className="text-xl font-semibold tracking-tight">
          Problems I have solved
        </h2>
        <ProblemList problems={problems} />
      </section>

      <section aria-labelledby="latest-heading" className="space-y-4">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="latest-heading" className="text-xl font-semibold tracking-tight">
            Latest notes
          </h2>
          <Link href="/notes" className="text-sm text-sky-800 underline dark:text-sky-300">
            All notes
          </Link>
        </div>
        <NoteList notes={latest} headingLevel={3} />
      </section>

      <section aria-labelledby="contact-heading" className="space-y-3">
        <h2 id="contact-heading" className="text-xl font-semibold tracking-tight">
          Contact
        </h2>
        <ContactEmail obfuscated={profile.obfuscatedEmail} />
      </section>
    </div>
  )
}
