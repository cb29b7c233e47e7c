import { tagFeedParams, tagFeedRoute } from '@/lib/feed/route'

export const GET = tagFeedRoute('rss')
export const generateStaticParams = tagFeedParams
