// Notes like the author's, made up for benchmarks: prose, headings, Python and CUDA code, inline
// and display math, tags from a small set, some in series. Deterministic: note n is always the same.

const TOPICS = ['CUDA', 'PyTorch', 'GPU', 'Deep Learning', 'Autograd', 'Optimisers', 'Attention', 'Quantisation', 'Profiling', 'Data Loading']
const WORDS = 'kernel stream tensor warp block grid shared memory bandwidth latency throughput gradient loss batch epoch layer activation softmax matmul occupancy register cache coalesced launch device host copy overlap schedule precision'.split(' ')

/** About `words` words of prose, varied per note and paragraph. */
function prose(n, p, words) {
  let seed = (n * 7919 + p * 104729) % 2147483647
  const next = () => (seed = (seed * 48271) % 2147483647)
  const out = []
  for (let i = 0; i < words; i++) out.push(WORDS[next() % WORDS.length])
  out[0] = out[0][0].toUpperCase() + out[0].slice(1)
  return out.join(' ').replace(/(\w+ \w+ \w+ \w+ \w+ \w+ \w+ \w+ \w+ \w+ \w+ \w+)/g, '$1.').trimEnd() + '.'
}

/** The text of generated note `n` (an .mdx file). */
export function generatedNote(n) {
  const tags = [TOPICS[n % TOPICS.length], TOPICS[(n * 3 + 1) % TOPICS.length]].filter((tag, i, all) => all.indexOf(tag) === i)
  const series = n % 10 === 0 ? `series: Generated series ${Math.floor(n / 100)}\nseriesOrder: ${((n / 10) % 10) + 1}\n` : ''
  const month = String((n % 12) + 1).padStart(2, '0')
  const day = String((n % 28) + 1).padStart(2, '0')
  return `---
title: Generated note ${n} on ${tags[0]}
date: ${2019 + (n % 6)}-${month}-${day}
summary: Note ${n}, made up for benchmarks, about ${tags.join(' and ').toLowerCase()}.
tags: [${tags.join(', ')}]
${series}---

## Why it matters

${prose(n, 0, 120)}

${prose(n, 1, 120)}

## A kernel

${prose(n, 2, 80)} The softmax is $\\sigma(z)_i = e^{z_i} / \\sum_j e^{z_j}$, computed per row.

\`\`\`cuda
__global__ void scale_${n}(float *x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] *= a;  // one element per thread
}
\`\`\`

## In PyTorch

${prose(n, 3, 120)}

\`\`\`python
import torch

x = torch.randn(${n + 1}, 64, device="cuda")
y = torch.nn.functional.softmax(x, dim=-1)
loss = y.sum()
loss.backward()
\`\`\`

$$
\\mathcal{L}(\\theta) = -\\frac{1}{N} \\sum_{i=1}^{N} \\log p_\\theta(y_i \\mid x_i)
$$

## What to remember

- ${prose(n, 4, 15)}
- ${prose(n, 5, 15)}
- ${prose(n, 6, 15)}
`
}
