import 'server-only'
import NextAuth from 'next-auth'
import { authOptions } from './config'

type Context = { params: Promise<{ nextauth: string[] }> }

// Options are read per request, so a misconfigured environment answers with a clear error
// instead of failing the build.
async function handler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context)
}

export { handler as GET, handler as POST }
