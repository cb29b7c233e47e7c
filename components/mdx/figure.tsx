import type { ReactNode } from 'react'

export type FigureProps = {
  caption: string
  /** An image figure; without it, the children are the figure (a diagram component). */
  src?: string
  alt?: string
  children?: ReactNode
}

export function Figure({ caption, src, alt, children }: FigureProps) {
  return (
    <figure className="not-prose my-8">
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        {src ? (
          // eslint-disable-next-line @next/next/no-img-element -- note images have no known size at build time
          <img src={src} alt={alt ?? ''} loading="lazy" decoding="async" className="mx-auto h-auto max-w-full" />
        ) : (
          children
        )}
      </div>
      <figcaption className="mt-3 text-center text-sm text-zinc-600 dark:text-zinc-400">{caption}</figcaption>
    </figure>
  )
}
