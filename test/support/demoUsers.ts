/** Demo logins the server seeds into an empty database (packages/server/src/seed/demo.ts). */
export interface DemoUser {
  email: string;
  password: string;
  name: string;
}

const DEMO_PASSWORD = 'formwork-demo';

export const demoUsers = {
  supportWorker: { email: 'staff@riverside.example', password: DEMO_PASSWORD, name: 'Sam Staff' },
  manager: { email: 'manager@riverside.example', password: DEMO_PASSWORD, name: 'Morgan Manager' },
} satisfies Record<string, DemoUser>;
