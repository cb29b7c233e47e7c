// Synthetic learning notes for bench:search and the search unit tests: ML/CUDA prose of about
// 1,500 words a note, in sections under headings, with code blocks full of identifiers. Words are
// drawn Zipf-like (a few very common, a long tail of rare ones), as in real prose, so the index has
// the shape of a real one: common words in every section, a long tail of rare terms.

const FUNCTION_WORDS = (
  'the of and to a in is that for it with as on be this are by we can each which from an or one when so not its but all ' +
  'then into more than only same what how these at has have was were will would there their our you if no also because ' +
  'after before between while where both most other some such just first two new used use like time number way make does ' +
  'do here now very much many any every through over about out up down per same next last still again once'
).split(' ')

const DOMAIN_WORDS = (
  'gradient tensor kernel warp occupancy softmax batch layer stream memory coalesced launch thread block grid latency ' +
  'throughput attention transformer embedding optimizer momentum adam learning rate scheduler convolution pooling ' +
  'normalization dropout residual activation relu sigmoid tanh backpropagation autograd quantization pruning distillation ' +
  'register shared global constant texture cache bandwidth divergence branch instruction pipeline precision mixed float ' +
  'half bfloat16 int8 accumulation reduction scan sort histogram matrix multiplication tiling stride padding dilation ' +
  'encoder decoder token vocabulary sequence context window head projection query key value mask causal positional ' +
  'loss entropy regularization weight decay clipping initialization variance mean epoch iteration checkpoint dataset ' +
  'loader augmentation sampler shuffle validation overfitting generalization benchmark profiler timeline occupancy ' +
  'allocator fragmentation pinned unified managed device host transfer copy asynchronous synchronization barrier atomic ' +
  'compiler graph fusion operator dispatch eager tracing inference training distributed parallel data model pipeline ' +
  'sharding gather scatter allreduce collective bucket overlap communication node rank world process GPU CPU SM core'
).split(' ')

const IDENTIFIERS = (
  'torch.cuda.is_available cudaMalloc cudaMemcpy cudaFree cudaMemcpyAsync cudaStreamCreate cudaDeviceSynchronize ' +
  'torch.nn.functional.softmax torch.nn.Module torch.nn.Linear torch.nn.Conv2d torch.optim.AdamW torch.compile ' +
  'torch.autograd.grad torch.no_grad torch.utils.data.DataLoader torch.cuda.amp.autocast torch.distributed.all_reduce ' +
  'threadIdx.x blockIdx.x blockDim.x gridDim.x __syncthreads __shared__ __global__ __device__ atomicAdd warpSize ' +
  '__shfl_down_sync cublasSgemm cudnnConvolutionForward nvcc ncu nsys F.cross_entropy loss.backward optimizer.step ' +
  'optimizer.zero_grad model.eval model.train x.view x.reshape x.contiguous tensor.to numpy.ndarray np.einsum jax.jit'
).split(' ')

const TAGS = ['cuda', 'pytorch', 'ml', 'performance', 'transformers', 'optimization', 'gpu', 'numerics', 'training', 'inference']
const SYLLABLES = 'ka ri mo tu sel vor an pel dri quo zen lit ur om bra fen gal hu ix ne sto yar pli wem tor'.split(' ')

/** A deterministic random source, so every run indexes the same notes. */
export function randomSource(seed = 42) {
  let state = seed
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
  // Zipf-like: index k is drawn with weight about 1/(k+offset); a bigger offset, a flatter head.
  /** @type {<T>(list: T[], offset?: number) => T} */
  const zipf = (list, offset = 1) => list[Math.min(list.length - 1, Math.floor(offset * ((list.length + offset) / offset) ** random() - offset))]
  /** @type {<T>(list: T[]) => T} */
  const pick = (list) => list[Math.floor(random() * list.length)]
  return { random, zipf, pick }
}

/**
 * About 15,000 made-up words, shuffled: the long tail (names, jargon) of a real site's vocabulary.
 * @param {() => number} random
 */
function rareWords(random) {
  const words = []
  for (const a of SYLLABLES) for (const b of SYLLABLES) for (const c of SYLLABLES) words.push(a + b + c)
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[words[i], words[j]] = [words[j], words[i]]
  }
  return words
}

/**
 * `count` notes as { note, body } pairs, in the shape noteSections() takes.
 * @param {number} count
 */
export function generateNotes(count, seed = 42) {
  const { random, zipf, pick } = randomSource(seed)
  const rare = rareWords(random)
  const word = () => {
    const r = random()
    // The commonest English word is about 6% of the text, the commonest ML word about 1%, the
    // commonest identifier a few tenths of a percent; a made-up word is rare.
    if (r < 0.45) return zipf(FUNCTION_WORDS)
    if (r < 0.8) return zipf(DOMAIN_WORDS, 10)
    if (r < 0.95) return zipf(rare, 100)
    return `\`${zipf(IDENTIFIERS, 5)}\``
  }
  /** @param {number} n */
  const sentence = (n) => Array.from({ length: n }, word).join(' ') + '.'
  /** @param {number} words */
  const paragraph = (words) => Array.from({ length: Math.ceil(words / 15) }, () => sentence(15)).join(' ')
  return Array.from({ length: count }, (_, n) => {
    const parts = [paragraph(120)]
    const sections = 6 + Math.floor(random() * 5)
    for (let s = 0; s < sections; s++) {
      parts.push(`## ${pick(DOMAIN_WORDS)} ${pick(DOMAIN_WORDS)} ${s}`, paragraph(110))
      if (s % 2 === 0) {
        parts.push(['```python', `${pick(rare)}_${n} = ${pick(IDENTIFIERS)}(${pick(DOMAIN_WORDS)}_${s}, dim=-1)`, `${pick(IDENTIFIERS)}(${pick(rare)})`, '```'].join('\n'))
      }
      parts.push(paragraph(40))
    }
    const title = `${pick(DOMAIN_WORDS)} ${pick(DOMAIN_WORDS)} and ${pick(DOMAIN_WORDS)} ${n}`
    const note = { slug: `note-${n}`, url: `/notes/note-${n}`, title, summary: sentence(20), tags: [pick(TAGS), pick(TAGS)] }
    return { note, body: parts.join('\n\n') }
  })
}

/** Typical queries: words, pairs, prefixes as typed, code identifiers, and typos past the first letters. */
export const TYPICAL_QUERIES = [
  'gradient', 'kernel launch', 'shared memory', 'cudaMemcpy', 'torch.nn.Module', '__syncthreads', 'threadIdx.x',
  'softmax', 'attention mask', 'optimizer', 'learning rate', 'warp divergence', 'quantization', 'torch.compile',
  'coalesced', 'backprop', 'occup', 'optimzer', 'kernal launch', 'convolution tiling', 'mixed precision', 'is_available', 'cudaMalloc',
]
