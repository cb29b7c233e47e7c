import { seriesFeedParams, seriesFeedRoute } from '@/lib/feed/route'

export const GET = seriesFeedRoute('rss')
export const generateStaticParams = seriesFeedParams
