/**
 * Provided: you do not need to edit this file.
 *
 * The demo users and their password check. Not the Redis lesson, but the door
 * every session comes through, so it is done properly:
 *
 * - the table holds scrypt hashes, never passwords, each with its own random salt;
 * - the comparison is constant-time (`timingSafeEqual`);
 * - an unknown username costs the same scrypt work as a wrong password, so the answer's
 *   timing does not tell an attacker which usernames exist.
 *
 * | id   | username | password            |
 * | ---- | -------- | ------------------- |
 * | `u1` | `ada`    | `analytical-engine` |
 * | `u2` | `alan`   | `enigma-1912`       |
 * | `u3` | `grace`  | `cobol-1959`        |
 *
 * To add a user: `npx tsx -e "import('./katas/02-sessions/users.ts').then(async (m) => console.log(await m.hashPassword('…')))"`.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: N = 2^14 (16 MiB per check) is Node's default. Real services raise it (OWASP: N = 2^17). */
export const SCRYPT_PARAMS = { N: 16_384, r: 8, p: 1, keyLength: 32 } as const;

/** A password as the table keeps it: the salt and the derived key, both base64. */
export interface PasswordHash {
  salt: string;
  key: string;
}

/** A user, as the rest of the kata sees it (no password hash). */
export interface User {
  id: string;
  username: string;
  name: string;
}

/** A row of the table. */
export interface UserRecord extends User {
  password: PasswordHash;
}

/** The three demo users; their passwords are in the comment at the top of this file and in README.md. */
export const demoUsers: readonly UserRecord[] = [
  {
    id: 'u1',
    username: 'ada',
    name: 'Ada Lovelace',
    password: { salt: 'ESHJfsatWNpdd3Iz16x5OA==', key: 'AU8nBBfpIlvfR7vFSbaIRNwvGx/uSbnWALbFBlLY170=' },
  },
  {
    id: 'u2',
    username: 'alan',
    name: 'Alan Turing',
    password: { salt: 'pEg6WJKAWwT8tqiNkZDIiw==', key: 'veDKAeAxz0jv2yzWMaVvvWK6ReWMEFvrI1FvemyUZ54=' },
  },
  {
    id: 'u3',
    username: 'grace',
    name: 'Grace Hopper',
    password: { salt: 'k45Ewgzk1IIyiCdBIijblQ==', key: '+0rYi5tsnAYs/SK2nB4OE17HjlMY4jdYpmRlw3d7mhY=' },
  },
];

/** The hash of a random password nobody knows: an unknown username is checked against it, and always fails. */
const DUMMY_HASH: PasswordHash = {
  salt: 'Ml900gi8OYz9uqvjgz+Sew==',
  key: 'xkIeETHJlF0haR52abVNPz+DdEehYtXY68FKznyWFTw=',
};

function deriveKey(password: string, salt: Buffer, keyLength: number): Promise<Buffer> {
  const { N, r, p } = SCRYPT_PARAMS;
  const options: ScryptOptions = { N, r, p, maxmem: 64 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // NFKC: the same password typed on two keyboards gives the same bytes.
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password with a new random salt: what a sign-up would store. */
export async function hashPassword(password: string, salt: Buffer = randomBytes(16)): Promise<PasswordHash> {
  const key = await deriveKey(password, salt, SCRYPT_PARAMS.keyLength);
  return { salt: salt.toString('base64'), key: key.toString('base64') };
}

/** Whether `password` matches `hash`, compared in constant time. */
export async function verifyPassword(password: string, hash: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(hash.key, 'base64');
  const actual = await deriveKey(password, Buffer.from(hash.salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** The users a server knows. */
export interface UserDirectory {
  /**
   * The user whose username and password match, or `null`. Takes as long for an unknown
   * username as for a wrong password: both run scrypt once.
   */
  checkPassword(username: string, password: string): Promise<User | null>;
  /** The user with this id, or `null`. */
  byId(id: string): User | null;
}

const publicPart = ({ id, username, name }: UserRecord): User => ({ id, username, name });

export function createUserDirectory(users: readonly UserRecord[] = demoUsers): UserDirectory {
  const byUsername = new Map(users.map((user) => [user.username.toLowerCase(), user]));
  const byId = new Map(users.map((user) => [user.id, user]));
  return {
    async checkPassword(username, password) {
      const user = byUsername.get(username.toLowerCase());
      // No early return for an unknown username: the same scrypt work, against a dummy hash.
      const matches = await verifyPassword(password, user?.password ?? DUMMY_HASH);
      return user && matches ? publicPart(user) : null;
    },
    byId(id) {
      const user = byId.get(id);
      return user ? publicPart(user) : null;
    },
  };
}
