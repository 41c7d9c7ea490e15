/**
 * The error an operation fails with, for specs that expect a failure. A step not started
 * yet still fails with its own NotImplementedError, so `verify` and the reporters see it
 * as "not started", never as a wrong error class.
 *
 *   expect(await rejectionOf(board.submit('b', 'p', -1))).toBeInstanceOf(InvalidInputError);
 *   expect(await rejectionOf(() => encodeScore(-1, 0))).toBeInstanceOf(RangeError);
 */
export async function rejectionOf(operation: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof operation === 'function' ? operation() : operation);
  } catch (error) {
    if (error instanceof Error && error.name === 'NotImplementedError') throw error;
    return error;
  }
  throw new Error('Expected a failure, but the operation succeeded.');
}
