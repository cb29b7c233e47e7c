import { useId } from 'react'
import { serialVsParallelDescription, taskCount } from '@/lib/mdx/serial-vs-parallel-text'

export type SerialVsParallelProps = {
  /** How many independent tasks the illustration splits the work into (2 to 8). */
  tasks?: number
}

const LABEL_WIDTH = 84
const STEP = 40
const LANE = 20
const LANE_GAP = 4

/**
 * Illustration on one shared time axis: a single core runs the tasks one after another, while one
 * GPU core per task runs them all in the first time step.
 */
export function SerialVsParallel({ tasks = 6 }: SerialVsParallelProps) {
  const id = useId()
  const count = taskCount(tasks)
  const steps = Array.from({ length: count }, (_, i) => i)
  const chartWidth = count * STEP
  const width = LABEL_WIDTH + chartWidth + 12
  const serialY = 24
  const parallelTitleY = serialY + LANE + 30
  const parallelY = parallelTitleY + 10
  const axisY = parallelY + count * (LANE + LANE_GAP) + 8
  const height = axisY + 30

  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      className="mx-auto block h-auto w-full max-w-[30rem] min-w-[22rem] font-sans"
    >
      {/* One string each: React treats <title> specially and mismatches on split text children. */}
      <title id={`${id}-title`}>{`Serial versus parallel execution of ${count} tasks`}</title>
      <desc id={`${id}-desc`}>
        {serialVsParallelDescription(count)}
      </desc>

      <text x="0" y="14" className="fill-zinc-900 text-[12px] font-semibold dark:fill-zinc-50">
        Serial
      </text>
      <text x="0" y={serialY + 14} className="fill-zinc-700 text-[11px] dark:fill-zinc-300">
        CPU core
      </text>
      {steps.map((i) => (
        <g key={`serial-${i}`} transform={`translate(${LABEL_WIDTH + i * STEP} ${serialY})`}>
          <rect width={STEP - 4} height={LANE} rx="3" className="fill-amber-200 stroke-amber-700 dark:fill-amber-900 dark:stroke-amber-400" />
          <text x={(STEP - 4) / 2} y="14" textAnchor="middle" className="fill-zinc-900 text-[11px] dark:fill-zinc-50">
            T{i + 1}
          </text>
        </g>
      ))}

      <text x="0" y={parallelTitleY} className="fill-zinc-900 text-[12px] font-semibold dark:fill-zinc-50">
        Parallel
      </text>
      {steps.map((i) => {
        const y = parallelY + i * (LANE + LANE_GAP)
        return (
          <g key={`parallel-${i}`}>
            <text x="0" y={y + 14} className="fill-zinc-700 text-[11px] dark:fill-zinc-300">
              GPU core {i + 1}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={STEP - 4} height={LANE} rx="3" className="fill-sky-200 stroke-sky-700 dark:fill-sky-900 dark:stroke-sky-400" />
            <text x={LABEL_WIDTH + (STEP - 4) / 2} y={y + 14} textAnchor="middle" className="fill-zinc-900 text-[11px] dark:fill-zinc-50">
              T{i + 1}
            </text>
          </g>
        )
      })}
      <line
        x1={LABEL_WIDTH + STEP - 2}
        y1={parallelY - 4}
        x2={LABEL_WIDTH + STEP - 2}
        y2={axisY}
        strokeDasharray="3 3"
        className="stroke-sky-700 dark:stroke-sky-400"
      />
      <text x={LABEL_WIDTH + STEP + 4} y={parallelY + 14} className="fill-sky-800 text-[11px] font-semibold dark:fill-sky-300">
        all done after 1 step
      </text>

      <line x1={LABEL_WIDTH} y1={axisY} x2={LABEL_WIDTH + chartWidth} y2={axisY} strokeWidth="1.5" markerEnd={`url(#${id}-arrow)`} className="stroke-zinc-500" />
      {steps.map((i) => (
        <text key={`tick-${i}`} x={LABEL_WIDTH + i * STEP + (STEP - 4) / 2} y={axisY + 14} textAnchor="middle" className="fill-zinc-700 text-[10px] dark:fill-zinc-300">
          {i + 1}
        </text>
      ))}
      <text x="0" y={axisY + 14} className="fill-zinc-700 text-[11px] dark:fill-zinc-300">
        time step
      </text>
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M0 0 10 5 0 10z" className="fill-zinc-500" />
        </marker>
      </defs>
    </svg>
  )
}
