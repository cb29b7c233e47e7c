import type { ReactNode } from 'react'

type CvSectionProps = { id: string; title: string; children: ReactNode }

export function CvSection({ id, title, children }: CvSectionProps) {
  return (
    <section aria-labelledby={`${id}-heading`} className="cv-section space-y-3">
      <h2 id={`${id}-heading`} className="border-b border-zinc-200 pb-1 text-xl font-semibold tracking-tight dark:border-zinc-800">
        {title}
      </h2>
      {children}
    </section>
  )
}
