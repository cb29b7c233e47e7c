import { seriesFeedParams, seriesFeedRoute } from '@/lib/feed/route'

export const GET = seriesFeedRoute('json')
export const generateStaticParams = seriesFeedParams
