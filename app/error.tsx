'use client'

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 space-y-4 px-4 py-16 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="text-zinc-700 dark:text-zinc-300">This page failed to load. Trying again usually helps.</p>
      <div className="flex gap-4">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 dark:bg-sky-300 dark:text-zinc-950"
        >
          Try again
        </button>
        {/* A plain link: client navigation may be what is broken. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="px-4 py-2 text-sky-800 underline dark:text-sky-300">
          Home page
        </a>
      </div>
    </main>
  )
}
