// Words, and code identifiers whole and in parts: `torch.cuda.is_available()` is found by
// "torch.cuda.is_available", "is_available" or "available"; `cudaMalloc` by "cudaMalloc" or "malloc".
const IDENTIFIER = /[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*/gu

function camelParts(word: string): string[] {
  return word.split(/(?<=[a-z0-9])(?=[A-Z])/)
}

/** Tokens for indexing and for queries alike, lowercased, each once. */
export function tokenize(text: string): string[] {
  const tokens = new Set<string>()
  for (const [identifier] of text.matchAll(IDENTIFIER)) {
    tokens.add(identifier)
    const dotted = identifier.split('.')
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
