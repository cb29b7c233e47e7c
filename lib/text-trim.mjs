// A regex such as /-+$/ restarts at every character of a long run and rescans it: quadratic on a
// run that does not reach the end. These loops read each character once.

/**
 * `text` without any of `chars` at its end ("a-b--" with "-" → "a-b").
 * @param {string} text @param {string} chars the characters to drop, each one code unit
 */
export function trimEndChars(text, chars) {
  let end = text.length
  while (end > 0 && chars.includes(text[end - 1])) end--
  return text.slice(0, end)
}

/**
 * `text` without any of `chars` at either end ("--a-b--" with "-" → "a-b").
 * @param {string} text @param {string} chars the characters to drop, each one code unit
 */
export function trimChars(text, chars) {
  let start = 0
  while (start < text.length && chars.includes(text[start])) start++
  return trimEndChars(text.slice(start), chars)
}
