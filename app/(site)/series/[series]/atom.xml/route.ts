import { seriesFeedParams, seriesFeedRoute } from '@/lib/feed/route'

export const GET = seriesFeedRoute('atom')
export const generateStaticParams = seriesFeedParams
