import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { MdxContent } from '@/components/mdx/mdx-content'
import { getDescribedProblems, getProblem } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'

type ProblemPageProps = { params: Promise<{ slug: string }> }

const DESCRIPTION_LENGTH = 160

/** Only problems with a description have a page: a bare title says nothing a list does not. */
export function generateStaticParams() {
  return getDescribedProblems().map((problem) => ({ slug: problem.slug }))
}

export async function generateMetadata({ params }: ProblemPageProps): Promise<Metadata> {
  const problem = getProblem((await params).slug)
  if (!problem) return { title: 'Problem not found', robots: { index: false } }
  const description = problem.description.length > DESCRIPTION_LENGTH ? `${problem.description.slice(0, DESCRIPTION_LENGTH - 1).trimEnd()}…` : problem.description
  return pageMetadata({ title: problem.title, description, path: problem.url })
}

export default async function ProblemPage({ params }: ProblemPageProps) {
  const problem = getProblem((await params).slug)
  if (!problem) notFound()
  return (
    <article className="space-y-6">
      <Link href="/#problems-heading" className="text-sm text-sky-800 underline dark:text-sky-300">
        ← Problems I have solved
      </Link>
      <header className="space-y-2">
        <p className="text-sm font-semibold text-sky-800 dark:text-sky-300">Problem {problem.order}</p>
        <h1 className="text-3xl font-bold tracking-tight">{problem.title}</h1>
      </header>
      <div className="prose prose-zinc max-w-none dark:prose-invert">
        <MdxContent code={problem.code} />
      </div>
      <p>
        <Link href="/cv" className="text-sky-800 underline dark:text-sky-300">
          See it among the projects on the CV
        </Link>
      </p>
    </article>
  )
}
