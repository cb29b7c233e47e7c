'use client'

import { useEffect, useRef, useState, type ReactNode } from 'react'
import { isChartKind, isChartSpecPath } from '@/lib/charts/libraries'
import { drawChart, type DrawnChart } from './chart-drawing'

export type InteractiveChartProps = {
  kind: string
  /** The chart's spec, a JSON file the content build wrote beside the notebook's plots. */
  src: string
  /** What the chart shows, for screen readers (the cell's alt text, else the chart's title). */
  label: string
  /** The fallback: the output's image or text, for feeds, print and readers without JavaScript. */
  children?: ReactNode
}

const isDark = () => document.documentElement.classList.contains('dark')

/**
 * A notebook's Plotly or Vega-Lite output. The fallback is what the server renders; the chart's
 * library and spec are fetched only once it comes near the screen, and the drawn chart then
 * takes the fallback's place (print keeps the fallback). It follows the page's theme.
 */
export function InteractiveChart({ kind, src, label, children }: InteractiveChartProps) {
  const frame = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<'waiting' | 'drawn' | 'failed'>('waiting')

  useEffect(() => {
    const element = canvas.current
    if (!frame.current || !element || !isChartKind(kind) || !isChartSpecPath(src)) return
    let chart: DrawnChart | undefined
    let gone = false
    const themes = new MutationObserver(() => void chart?.setDark(isDark()))
    const nearScreen = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return
        nearScreen.disconnect()
        drawChart(kind, src, element, isDark()).then(
          (drawn) => {
            if (gone) return drawn.remove()
            chart = drawn
            themes.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
            setState('drawn')
          },
          () => !gone && setState('failed'),
        )
      },
      { rootMargin: '200px 0px' },
    )
    nearScreen.observe(frame.current)
    return () => {
      gone = true
      nearScreen.disconnect()
      themes.disconnect()
      chart?.remove()
    }
  }, [kind, src])

  const drawn = state === 'drawn'
  return (
    <div ref={frame} className="interactive-chart" data-chart={kind} data-state={state}>
      {/* The label is on a wrapper: Vega and Plotly set roles and labels of their own on the element they draw into. */}
      <div role="img" aria-label={label} aria-hidden={!drawn} className="not-prose w-full overflow-x-auto print:hidden">
        <div ref={canvas} />
      </div>
      <div className={drawn ? 'hidden print:block' : undefined}>{children}</div>
    </div>
  )
}
