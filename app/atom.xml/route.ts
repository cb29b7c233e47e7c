import { siteFeedRoute } from '@/lib/feed/route'

export const GET = siteFeedRoute('atom')
