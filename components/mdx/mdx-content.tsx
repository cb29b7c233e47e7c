import { getMDXComponent } from 'next-contentlayer2/hooks'
import { mdxComponents } from './mdx-components'

/** Renders MDX compiled by Contentlayer at build time; a server component, so it renders once. */
export function MdxContent({ code }: { code: string }) {
  // The compiled MDX module *is* a component; on the server it is built once per render, with no
  // state to lose between renders, which is what this rule guards against.
  const Content = getMDXComponent(code)
  // eslint-disable-next-line react-hooks/static-components
  return <Content components={mdxComponents} />
}

/** A body compiled as separate blocks (the admin preview), rendered in order. */
export function MdxBlocks({ codes }: { codes: string[] }) {
  return codes.map((code, index) => <MdxContent key={index} code={code} />)
}
