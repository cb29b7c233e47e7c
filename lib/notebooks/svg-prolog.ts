// The XML prolog matplotlib and graphviz write before an SVG:
//   <?xml version="1.0" encoding="utf-8" standalone="no"?>
//   <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
//     "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
// A public DOCTYPE with no internal subset declares no entity (browsers never fetch the DTD it
// names), so it is removed rather than refused. Anything else that can declare entities (an
// internal subset "[…]", SYSTEM, <!ENTITY) stays in the text, where the SVG check refuses it.

// Only at the very start; quoted identifiers hold no '<', '>', '&', '[' or ']', so nothing the
// entity check must see can hide inside one.
const PUBLIC_DOCTYPE = /^(\s*(?:<\?xml\b[^<>]*\?>\s*)?)<!DOCTYPE\s+svg\s+PUBLIC\s+(?:"[^"<>&[\]]*"|'[^'<>&[\]]*')(?:\s+(?:"[^"<>&[\]]*"|'[^'<>&[\]]*'))?\s*>/

/** The SVG without the standard public DOCTYPE at its start, if it has one. */
export function withoutPublicDoctype(svg: string): string {
  return svg.replace(PUBLIC_DOCTYPE, '$1')
}
