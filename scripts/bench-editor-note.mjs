// The long note the editor benchmark saves and previews (scripts/bench-editor.mjs).
const WORDS = 'gradient tensor kernel warp occupancy softmax batch layer stream memory coalesced launch thread block grid latency throughput'.split(' ')

/** A long learning note: 5,000 words of prose, 50 formulas and 20 code blocks. */
export function longNote() {
  const parts = []
  let words = 0
  for (let section = 0; words < 5_000; section++) {
    parts.push(`## Section ${section + 1}`)
    const sentence = Array.from({ length: 100 }, (_, i) => WORDS[(i * 7 + section) % WORDS.length]).join(' ')
    parts.push(section < 25 ? `${sentence} $x_{${section}}^2 + \\alpha_${section % 10}$ ${sentence}.` : `${sentence} ${sentence}.`)
    words += 200
    if (section < 25) parts.push(`$$\n\\frac{\\partial L}{\\partial w_{${section}}} = \\sum_{i=1}^{N} \\sigma(z_i)\\,(1-\\sigma(z_i))\\,x_{i}\n$$`)
    if (section < 20) parts.push('```python\nimport torch\nx = torch.randn(1024, 1024, device="cuda")\ny = (x @ x.T).softmax(dim=-1)\nprint(torch.cuda.is_available(), y.shape)\n```')
  }
  return `${parts.join('\n\n')}\n`
}
