import 'next-auth'
import 'next-auth/jwt'

declare module 'next-auth' {
  interface Session {
    sid?: unknown
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string
  }
}
