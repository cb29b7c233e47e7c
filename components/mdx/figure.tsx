import type { ReactNode } from 'react'

export type FigureProps = {
  caption: string
  /** An image figure; without it, the children are the figure (a diagram component). */
  src?: string
  alt?: string
  /** Set by the content build (lib/images/rehype-variants.ts) for a stored image, never by hand. */
  width?: number | string
  height?: number | string
  srcSet?: string
  sizes?: string
  loading?: 'eager' | 'lazy'
  children?: ReactNode
}

export function Figure({ caption, src, alt, width, height, srcSet, sizes, loading = 'lazy', children }: FigureProps) {
  // eslint-disable-next-line @next/next/no-img-element -- variants are made once at upload or build, not by next/image per request
  const img = src ? <img src={src} alt={alt ?? ''} width={width} height={height} loading={loading} decoding="async" className="mx-auto h-auto max-w-full" /> : null
  return (
    <figure className="not-prose my-8">
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        {img && srcSet ? (
          <picture>
            <source type="image/webp" srcSet={srcSet} sizes={sizes} />
            {img}
          </picture>
        ) : (
          (img ?? children)
        )}
      </div>
      <figcaption className="mt-3 text-center text-sm text-zinc-600 dark:text-zinc-400">{caption}</figcaption>
    </figure>
  )
}
