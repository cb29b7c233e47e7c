// Words, and code identifiers whole and in parts: `torch.cuda.is_available()` is found by
// "torch.cuda.is_available", "is_available" or "available"; `cudaMalloc` by "cudaMalloc" or "malloc".
const IDENTIFIER = /[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*/gu

function camelParts(word: string): string[] {
  return word.split(/(?<=[a-z0-9])(?=[A-Z])/)
}

// Leading and trailing underscores (`__syncthreads`, `__init__`) are not part of the name: the
// body text loses them anyway (searchableText reads `__` as emphasis), and a query keeps matching
// the body by the same term, not by a fuzzy match that may sit in another index shard.
function bare(part: string): string {
  let start = 0
  let end = part.length
  while (start < end && part[start] === '_') start++
  while (end > start && part[end - 1] === '_') end--
  return part.slice(start, end)
}

/** Tokens for indexing and for queries alike, lowercased, each once. */
export function tokenize(text: string): string[] {
  const tokens = new Set<string>()
  for (const [match] of text.matchAll(IDENTIFIER)) {
    const dotted = match.split('.').map(bare).filter(Boolean)
    const identifier = dotted.join('.')
    tokens.add(identifier)
    for (const part of dotted.length > 1 ? dotted : []) tokens.add(part)
    for (const part of dotted) {
      const snake = part.split('_').filter(Boolean)
      for (const piece of snake.length > 1 ? snake : []) tokens.add(piece)
      for (const piece of snake) {
        const camel = camelParts(piece)
        if (camel.length > 1) camel.forEach((word) => tokens.add(word))
      }
    }
  }
  return [...tokens].map((token) => token.toLowerCase()).filter((token) => token.length > 1 || /\d/.test(token))
}
