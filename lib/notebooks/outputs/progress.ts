import { lineText, type TerminalLine } from './terminal'

// tqdm's statistics: "[00:01<00:03, 4.91it/s]", "[00:00, ?it/s]", "[01:02:03, 1.2s/it, loss=0.3]".
const PROGRESS_STATS = /\[\d+:\d\d(?::\d\d)?(?:<[^\][,]*)?,[^\][]*\]/
const RATE = /it\/s|s\/it|B\/s/
const PERCENT_BAR = /\d{1,3}%\|/

/** The bar's description ("Epoch 1: "), which names it across redraws; null if not a progress bar. */
function barName(text: string): string | null {
  const stats = PROGRESS_STATS.exec(text)
  if (!stats || !RATE.test(stats[0])) return null
  const before = text.slice(0, stats.index)
  const bar = PERCENT_BAR.exec(before)
  // Without a bar, the count and its unit ("0it", "12.3MB") stand just before the statistics.
  const name = bar ? before.slice(0, bar.index) : before.trimEnd().slice(0, Math.max(0, before.trimEnd().lastIndexOf(' ')))
  return name.trim()
}

/**
 * Progress bars that were printed on new lines instead of redrawn (nested tqdm bars, a
 * validation bar Lightning prints again and again): in each run of consecutive progress lines,
 * only the last state of each bar stays, where it was last drawn.
 */
export function collapseProgress(lines: TerminalLine[]): TerminalLine[] {
  const kept: TerminalLine[] = []
  let run: { line: TerminalLine; name: string }[] = []
  const flush = () => {
    const lastOf = new Map(run.map(({ name }, index) => [name, index]))
    kept.push(...run.filter(({ name }, index) => lastOf.get(name) === index).map(({ line }) => line))
    run = []
  }
  for (const line of lines) {
    const name = barName(lineText(line))
    if (name !== null) run.push({ line, name })
    else {
      flush()
      kept.push(line)
    }
  }
  flush()
  return kept
}
