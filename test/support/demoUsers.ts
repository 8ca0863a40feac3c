/** The demo logins the server seeds on first start (see packages/server's seed and README). */
export interface DemoUser {
  email: string;
  password: string;
  /** What the app greets them as, to check the right person is signed in. */
  name: string;
}

export const demoUsers = {
  supportWorker: { email: 'staff@demo.formwork.test', password: 'demo-password', name: 'Sam' },
  manager: { email: 'manager@demo.formwork.test', password: 'demo-password', name: 'Morgan' },
} satisfies Record<string, DemoUser>;
