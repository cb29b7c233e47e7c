/** What an SGR escape (`ESC[…m`) leaves set: a colour class, bold, and a highlighted background. */
export type SgrState = { colour: string | null; bold: boolean; highlight: boolean }

export const PLAIN: SgrState = { colour: null, bold: false, highlight: false }

const HUES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']

// xterm's 16 colours, to place a 256-colour or true-colour code on the nearest of them.
const PALETTE: [number, number, number][] = [
  [0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
  [127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
]

const colourClass = (index: number) => (index < 8 ? `ansi-${HUES[index]}` : `ansi-bright-${HUES[index - 8]}`)

function nearestColour(rgb: [number, number, number]): number {
  let best = 0
  let bestDistance = Infinity
  PALETTE.forEach((entry, index) => {
    const distance = entry.reduce((sum, value, channel) => sum + (value - rgb[channel]) ** 2, 0)
    if (distance < bestDistance) [best, bestDistance] = [index, distance]
  })
  return best
}

function colourOf256(index: number): number | null {
  if (!Number.isInteger(index) || index < 0 || index > 255) return null
  if (index < 16) return index
  if (index >= 232) {
    const grey = 8 + 10 * (index - 232)
    return nearestColour([grey, grey, grey])
  }
  const levels = [0, 95, 135, 175, 215, 255]
  const cube = index - 16
  return nearestColour([levels[Math.floor(cube / 36)], levels[Math.floor(cube / 6) % 6], levels[cube % 6]])
}

/**
 * The state after one SGR escape's parameters (`1;31`, `38;5;241;43`): foreground colours (30–37,
 * 90–97, 256-colour and true colour placed on the nearest of the 16), bold, any background as a
 * highlight, and resets. Codes with no reading here (italic, blink…) are dropped.
 */
export function applySgr(state: SgrState, parameters: string): SgrState {
  const codes = parameters === '' ? [0] : parameters.split(';').map((code) => (code === '' ? 0 : Number(code)))
  let { colour, bold, highlight } = state
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index]
    if (code === 0) [colour, bold, highlight] = [null, false, false]
    else if (code === 1) bold = true
    else if (code === 22) bold = false
    else if (code >= 30 && code <= 37) colour = colourClass(code - 30)
    else if (code >= 90 && code <= 97) colour = colourClass(code - 90 + 8)
    else if (code === 39) colour = null
    else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) highlight = true
    else if (code === 49) highlight = false
    else if (code === 38 || code === 48) {
      // Extended colours carry their own parameters: 5;n or 2;r;g;b.
      const mode = codes[index + 1]
      const taken = mode === 5 ? 2 : mode === 2 ? 4 : 1
      const value = mode === 5 ? colourOf256(codes[index + 2]) : mode === 2 ? nearestColour([codes[index + 2], codes[index + 3], codes[index + 4]].map((c) => c || 0) as [number, number, number]) : null
      if (code === 48) highlight = value !== null
      else if (value !== null) colour = colourClass(value)
      index += taken
    }
  }
  return { colour, bold, highlight }
}

/** The classes a styled run of text carries, or '' for plain text. */
export function sgrClasses(state: SgrState): string {
  return [state.colour, state.bold && 'ansi-bold', state.highlight && 'ansi-highlight'].filter(Boolean).join(' ')
}
