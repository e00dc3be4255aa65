import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

// next-auth's endpoints: credentials and OAuth sign-in, sign-out (CSRF-protected), callbacks.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
