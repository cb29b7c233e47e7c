import { formatSpan, type Education, type Experience, type Publication } from '@/lib/content'
import { PrintLink } from './print-link'

type EntryProps = { title: string; place: string; when?: string; location?: string; summary?: string }

/** One dated entry: what and where on the left, when on the right (below it on a phone). */
function Entry({ title, place, when, location, summary }: EntryProps) {
  return (
    <li className="cv-entry space-y-1">
      <div className="flex flex-col justify-between gap-x-4 sm:flex-row sm:items-baseline">
        <h3 className="font-semibold text-zinc-950 dark:text-white">
          {title}, <span className="font-normal">{place}</span>
        </h3>
        {when && <p className="shrink-0 text-sm text-zinc-600 tabular-nums dark:text-zinc-400">{when}</p>}
      </div>
      {location && <p className="text-sm text-zinc-600 dark:text-zinc-400">{location}</p>}
      {summary && <p className="text-zinc-700 dark:text-zinc-300">{summary}</p>}
    </li>
  )
}

export function ExperienceList({ entries }: { entries: Experience[] }) {
  return (
    <ul className="space-y-4">
      {entries.map((entry) => (
        <Entry key={`${entry.role}-${entry.organisation}-${entry.start}`} title={entry.role} place={entry.organisation} when={formatSpan(entry.start, entry.end, true)} location={entry.location} summary={entry.summary} />
      ))}
    </ul>
  )
}

export function EducationList({ entries }: { entries: Education[] }) {
  return (
    <ul className="space-y-4">
      {entries.map((entry) => (
        <Entry key={`${entry.degree}-${entry.institution}`} title={entry.degree} place={entry.institution} when={formatSpan(entry.start, entry.end)} location={entry.location} summary={entry.summary} />
      ))}
    </ul>
  )
}

export function SkillList({ skills }: { skills: string[] }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {skills.map((skill) => (
        <li key={skill} className="rounded-md border border-zinc-300 px-2 py-0.5 text-sm text-zinc-800 dark:border-zinc-700 dark:text-zinc-200">
          {skill}
        </li>
      ))}
    </ul>
  )
}

/** Authors, "Title", venue, year: the title links to the publication when it has an address. */
export function PublicationList({ entries }: { entries: Publication[] }) {
  return (
    <ul className="space-y-3">
      {entries.map((entry) => (
        <li key={`${entry.title}-${entry.year}`} className="cv-entry text-zinc-800 dark:text-zinc-200">
          {entry.authors && <>{entry.authors}. </>}
          <cite className="font-medium not-italic">
            {entry.url ? (
              <PrintLink href={entry.url} printUrl={entry.url}>
                {entry.title}
              </PrintLink>
            ) : (
              entry.title
            )}
          </cite>
          . {entry.venue && <i>{entry.venue}, </i>}
          {entry.year}.
        </li>
      ))}
    </ul>
  )
}
