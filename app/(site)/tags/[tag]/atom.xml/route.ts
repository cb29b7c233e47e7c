import { tagFeedParams, tagFeedRoute } from '@/lib/feed/route'

export const GET = tagFeedRoute('atom')
export const generateStaticParams = tagFeedParams
