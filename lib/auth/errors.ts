/** Thrown by requireUser / requireAdmin; pages turn it into a redirect or a 403, actions into a result. */
export class AuthError extends Error {
  constructor(readonly reason: 'unauthenticated' | 'forbidden') {
    super(reason === 'unauthenticated' ? 'Sign in required' : 'Not allowed');
    this.name = 'AuthError';
  }
}
