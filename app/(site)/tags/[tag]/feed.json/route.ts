import { tagFeedParams, tagFeedRoute } from '@/lib/feed/route'

export const GET = tagFeedRoute('json')
export const generateStaticParams = tagFeedParams
