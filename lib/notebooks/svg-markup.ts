// Element searches over SVG text that read it in one pass. The regexes they replace restart at
// every '<' and rescan what follows, so markup built to fail late ("<set<set<set…") made the
// notebook check quadratic.

// After a '<', a namespace prefix can only be the whole run of [\w.-] when a ':' ends it.
const ELEMENT_START = /<([\w.-]*)(:?)/g

/**
 * Whether /<([\w.-]+:)?(name)\b/i finds an element, `name` given as a sticky, case-insensitive
 * regex: the name is tried right after each '<' and after its prefix. (The six embedded-content
 * names in that one regex take the ReDoS check seconds to prove linear.)
 */
export function hasElement(svg: string, name: RegExp): boolean {
  for (const start of svg.matchAll(ELEMENT_START)) {
    const afterPrefix = start[1] && start[2] ? start.index + start[0].length : undefined
    for (const at of [start.index + 1, afterPrefix]) {
      if (at === undefined) continue
      name.lastIndex = at
      if (name.test(svg)) return true
    }
  }
  return false
}

// Each runs to the next '>' or the end, as the [^>]* after "<set" would; the pieces do not overlap.
const TAG = /<[^>]*>?/g
const ANIMATION = /<(?:[\w.-]+:)?(?:animate|set)\b/i
const HREF_TARGET = /attributeName\s*=\s*["']?(?:[\w.-]+:)?href/i

/**
 * Whether /<([\w.-]+:)?(animate|set)\b[^>]*attributeName\s*=\s*["']?([\w.-]+:)?href/i finds an
 * <animate> or <set> that changes a link. Only the first "<set" of a tag is tried: from it, [^>]*
 * reaches everything a later one in the same tag could.
 */
export function animatesLink(svg: string): boolean {
  for (const [tag] of svg.matchAll(TAG)) {
    const animation = ANIMATION.exec(tag)
    if (animation && HREF_TARGET.test(tag.slice(animation.index + animation[0].length))) return true
  }
  return false
}
