/**
 * Provided: you do not need to edit this file.
 *
 * Not part of the exercise: the slow data source the cache sits in front of.
 * Think of it as a database or a remote API: every call takes `latencyMs`. It counts its
 * reads, so the specs can see whether a request reached it or was served from the cache.
 */

export interface User {
  id: string;
  name: string;
  email: string;
  /** ISO time of the last change. */
  updatedAt: string;
}

/** The fields `PUT /users/:id` may change. */
export type UserChanges = Partial<Pick<User, 'name' | 'email'>>;

export interface UserSource {
  /** The user, or `null` when there is no such id. Takes `latencyMs`. */
  get(id: string): Promise<User | null>;
  /** Applies `changes` and returns the updated user, or `null` when there is no such id. Takes `latencyMs`. */
  update(id: string, changes: UserChanges): Promise<User | null>;
  /** Every id, in order. Takes `latencyMs`. */
  ids(): Promise<string[]>;
  /** How many times `get` ran: the reads the cache did not save. */
  readonly reads: number;
}

export interface UserSourceOptions {
  /** Simulated latency of every call. Default 50 ms. */
  latencyMs?: number;
  /** The initial users. Default: {@link sampleUsers}. */
  users?: User[];
}

/** Five users to start with: `u1` … `u5`. */
export const sampleUsers: readonly User[] = [
  { id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com', updatedAt: '2024-01-01T00:00:00.000Z' },
  { id: 'u2', name: 'Alan Turing', email: 'alan@example.com', updatedAt: '2024-01-01T00:00:00.000Z' },
  { id: 'u3', name: 'Grace Hopper', email: 'grace@example.com', updatedAt: '2024-01-01T00:00:00.000Z' },
  { id: 'u4', name: 'Edsger Dijkstra', email: 'edsger@example.com', updatedAt: '2024-01-01T00:00:00.000Z' },
  { id: 'u5', name: 'Barbara Liskov', email: 'barbara@example.com', updatedAt: '2024-01-01T00:00:00.000Z' },
];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An in-memory user table that answers slowly. Each call returns copies: callers cannot change it by accident. */
export function createUserSource(options: UserSourceOptions = {}): UserSource {
  const latencyMs = options.latencyMs ?? 50;
  const users = new Map((options.users ?? sampleUsers).map((user) => [user.id, { ...user }]));
  let reads = 0;

  return {
    get reads() {
      return reads;
    },
    async get(id) {
      reads += 1;
      await sleep(latencyMs);
      const user = users.get(id);
      return user ? { ...user } : null;
    },
    async update(id, changes) {
      await sleep(latencyMs);
      const user = users.get(id);
      if (!user) return null;
      const updated: User = { ...user, ...definedOnly(changes), updatedAt: new Date().toISOString() };
      users.set(id, updated);
      return { ...updated };
    },
    async ids() {
      await sleep(latencyMs);
      return [...users.keys()];
    },
  };
}

function definedOnly(changes: UserChanges): UserChanges {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
