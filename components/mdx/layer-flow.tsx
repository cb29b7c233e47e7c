import type { ReactNode } from 'react'

export type LayerProps = {
  /** What the layer is: Hardware, Software, Library, Framework… */
  kind: string
  name: string
}

export function Layer({ kind, name }: LayerProps) {
  return (
    <li className="layer-flow-step flex min-w-0 flex-1 items-center gap-2 sm:flex-col sm:gap-0">
      <div className="w-full rounded-lg border border-sky-700/40 bg-sky-50 px-3 py-3 text-center dark:border-sky-300/40 dark:bg-sky-950">
        <span className="block text-xs font-medium tracking-wide text-sky-800 uppercase dark:text-sky-200">{kind}</span>
        <span className="block text-base font-semibold text-zinc-950 dark:text-white">{name}</span>
      </div>
    </li>
  )
}

export type LayerFlowProps = {
  caption: string
  children: ReactNode
}

/** A stack of layers read in order, each building on the one before: an accessible architecture diagram. */
export function LayerFlow({ caption, children }: LayerFlowProps) {
  return (
    <figure className="not-prose my-8">
      <ol className="layer-flow flex flex-col gap-6 rounded-lg border border-zinc-200 bg-white p-4 sm:flex-row sm:gap-8 dark:border-zinc-800 dark:bg-zinc-900">
        {children}
      </ol>
      <figcaption className="mt-3 text-center text-sm text-zinc-600 dark:text-zinc-400">{caption}</figcaption>
    </figure>
  )
}
