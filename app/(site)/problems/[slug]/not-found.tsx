import Link from 'next/link'

export default function ProblemNotFound() {
  return (
    <div className="space-y-4">
      <p className="text-sm font-semibold text-sky-800 dark:text-sky-300">404</p>
      <h1 className="text-3xl font-bold tracking-tight">Problem not found</h1>
      <p className="text-zinc-700 dark:text-zinc-300">No problem with a description lives at this address.</p>
      <Link href="/#problems-heading" className="text-sky-800 underline dark:text-sky-300">
        Problems I have solved
      </Link>
    </div>
  )
}
