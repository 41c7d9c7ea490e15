/**
 * The page at `/` in a real browser: the system's Chromium, driven by playwright-core
 * (harness/browser). Two people in one room, each on another instance of the server, both
 * instances on one Redis. It runs on the mock project only (vitest.config.ts): what it adds
 * to the WebSocket specs is the page, and step 6's specs already carry the instances'
 * fan-out over every backend. Without Chromium it is skipped, saying what to install
 * (under CI it fails instead).
 */
import type { Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { specChromium } from '../../harness/browser/spec-chromium.js';
import { startInstances } from '../../harness/http/app-instances.js';
import { describe, expect, test as redisTest } from '../../harness/test.js';
import { buildServer } from './server.js';

/** How long the page may take to show what a socket received, in ms. */
const SHOWN_WITHIN_MS = 5000;
/** A browser launch on a busy CI machine takes a few seconds. */
const BROWSER_TEST_TIMEOUT_MS = 30_000;

const chromium = specChromium();
afterAll(() => chromium.close());

/** The little of the DOM the HTML check reads in the page. */
interface DomNode {
  nodeType: number;
  textContent: string | null;
}
interface DomElement extends DomNode {
  childNodes: Iterable<DomNode>;
  querySelectorAll(selector: string): Iterable<DomElement> & { length: number };
}

/** Two instances of the chat on one Redis, and pages on them in the shared Chromium. */
interface TwoInstances {
  /**
   * Opens path `first` on instance 1 and `second` on instance 2 (such as `/?room=r&user=ada`),
   * each page in a browser context of its own (cookies, storage).
   */
  openPages(first: string, second: string): Promise<[Page, Page]>;
}

/**
 * The harness's `test` plus `instances`. The instances start before the browser is asked
 * for, so that a starter fails with its NotImplementedError, not with a missing Chromium.
 * Everything closes after the test: pages, then instances, then (the `redis` fixture) keys.
 */
const test = redisTest.extend<{ instances: TwoInstances }>({
  instances: async ({ redis, connect, prefix, skip }, use) => {
    const closers: (() => Promise<void>)[] = [];
    const onFinished = (close: () => Promise<void>) => {
      closers.push(close);
    };
    try {
      // Instance 1 runs on the test's own adapter, whose fixture deletes the test's keys afterwards.
      const adapters = [redis, connect()];
      const [one, two] = await startInstances(2, {
        connect: () => adapters.shift() ?? connect(),
        build: (adapter) => buildServer({ redis: adapter, prefix }),
        onTestFinished: onFinished,
      });
      const browser = await chromium.browser(skip);
      const open = async (url: string) => {
        const context = await browser.newContext();
        onFinished(() => context.close());
        const page = await context.newPage();
        await page.goto(url);
        return page;
      };
      await use({
        openPages: (first, second) => Promise.all([open(`${one?.http}${first}`), open(`${two?.http}${second}`)]),
      });
    } finally {
      for (const close of closers.reverse()) await close().catch(() => undefined);
    }
  },
});

/** Waits until the page's socket is open: the message input is enabled once it is. */
const joined = (page: Page) =>
  expect
    .poll(() => page.getByTestId('message-input').isEnabled(), {
      message: 'the message input, enabled once the socket is open',
      timeout: SHOWN_WITHIN_MS,
      interval: 20,
    })
    .toBe(true);

/** Joins through the form: name, room, the Join button. */
async function joinWithForm(page: Page, user: string, room: string) {
  await page.getByTestId('user-input').fill(user);
  await page.getByTestId('room-input').fill(room);
  await page.getByTestId('join-button').click();
  await joined(page);
}

/** Types `text` in the message input and presses Enter. */
async function typeAndEnter(page: Page, text: string) {
  await page.getByTestId('message-input').fill(text);
  await page.getByTestId('message-input').press('Enter');
}

/** Waits until `who`'s messages list shows `text`; fails after SHOWN_WITHIN_MS, quoting the list. */
const expectShown = (page: Page, who: string, text: string) =>
  expect
    .poll(async () => (await page.getByTestId('messages').textContent()) ?? '', {
      message: `the messages list of ${who}`,
      timeout: SHOWN_WITHIN_MS,
      interval: 20,
    })
    .toContain(text);

/** A room of its own for each test. */
const roomOf = (prefix: string) => `browser-${prefix.slice(2, -1)}`;

describe('step 6 · two instances, one Redis', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  test('a message typed on instance 1 and sent with Enter appears on the page of a person on instance 2', async ({
    instances,
    prefix,
  }) => {
    const room = roomOf(prefix);
    const [ada, bob] = await instances.openPages('/', `/?room=${room}&user=bob`);
    await Promise.all([joinWithForm(ada, 'ada', room), joined(bob)]);

    await typeAndEnter(ada, 'hello from instance 1');

    await expectShown(bob, 'bob', 'hello from instance 1');
    expect(await ada.getByTestId('message-input').inputValue(), 'the message input after Enter').toBe('');
  });

  test('a message of HTML shows as its literal text, and no element of it reaches the page', async ({
    instances,
    prefix,
  }) => {
    const room = roomOf(prefix);
    const [ada, bob] = await instances.openPages(`/?room=${room}&user=ada`, `/?room=${room}&user=bob`);
    await Promise.all([joined(ada), joined(bob)]);
    const html = '<b>bold</b> <img src=x onerror="window.injected = true">';

    await typeAndEnter(ada, html);

    await expectShown(bob, 'bob', html);
    // Runs in the page: the DOM, read as plain data (this project compiles without the DOM types).
    const shown = await bob.getByTestId('messages').evaluate((list: DomElement, text) => {
      const TEXT_NODE = 3;
      const texts = [...list.querySelectorAll('*')].flatMap((element) =>
        [...element.childNodes].filter((node) => node.nodeType === TEXT_NODE).map((node) => node.textContent),
      );
      return {
        elements: list.querySelectorAll('b, img').length,
        textNodeEqualsMessage: texts.includes(text),
        injected: (globalThis as { injected?: boolean }).injected ?? false,
      };
    }, html);
    expect(shown, 'on the page of bob: <b>/<img> elements, a text node equal to the message, the onerror run').toEqual({
      elements: 0,
      textNodeEqualsMessage: true,
      injected: false,
    });
  });

  test('a person who joins on instance 2 is announced on the page of a person on instance 1', async ({
    instances,
    prefix,
  }) => {
    const room = roomOf(prefix);
    const [ada, bob] = await instances.openPages('/', '/');
    await joinWithForm(ada, 'ada', room);

    await joinWithForm(bob, 'bob-on-instance-2', room);

    await expectShown(ada, 'ada', 'bob-on-instance-2');
  });
});
